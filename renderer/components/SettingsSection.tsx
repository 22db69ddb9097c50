// A titled block on a settings-like page (h2 + optional description).
import { useId, type ReactNode } from 'react';
import { Paper, Typography } from '@mui/material';

export function SettingsSection({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: { xs: 2, md: 3 }, mb: 3, maxWidth: 860 }}>
      <Typography variant="h6" component="h2" id={headingId} sx={{ mb: description ? 0.5 : 2 }}>
        {title}
      </Typography>
      {description ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {description}
        </Typography>
      ) : null}
      {children}
    </Paper>
  );
}
