// Choice of the UI language (German / English), remembered on this device.
import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, currentLanguage, isLanguage, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const labelId = useId();
  // i18n.language in the dependency of this render keeps the radio in sync.
  const value = i18n.resolvedLanguage && isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLanguage();
  return (
    <FormControl>
      <FormLabel id={labelId}>{t('settings.language.label')}</FormLabel>
      <RadioGroup
        row
        aria-labelledby={labelId}
        value={value}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void setLanguage(event.target.value);
        }}
      >
        {SUPPORTED_LANGUAGES.map((lng) => (
          <FormControlLabel
            key={lng}
            value={lng}
            control={<Radio />}
            label={t(`settings.language.${lng}`)}
            lang={lng}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
