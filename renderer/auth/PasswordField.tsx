// A password input (no autocomplete suggestions of other accounts' passwords).
import { TextField, type TextFieldProps } from '@mui/material';

export function PasswordField(props: TextFieldProps & { autoComplete: 'current-password' | 'new-password' }) {
  return <TextField type="password" fullWidth {...props} />;
}
