// The Content-Security-Policy sent with every response of the app:// protocol
// and of the web-mode server.
//  - style-src needs 'unsafe-inline' because MUI/emotion injects <style> tags.
//  - frame-src 'self' blob: lets the web mode print a generated PDF from a
//    blob: URL in a hidden iframe; nothing else may be framed.
//  - worker-src blob: for bundled workers (pdf generation off the main thread).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers every response of ours carries, besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
