// Applies the saved colour scheme before the first paint so dark mode does not flash white.
// A separate file (not inline) so the Content-Security-Policy can stay at script-src 'self'.
try {
  const saved = localStorage.getItem('mantine-color-scheme-value') || 'auto';
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const scheme = saved === 'auto' ? (dark ? 'dark' : 'light') : saved;
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
} catch {
  // Storage can be blocked (private mode); Mantine falls back to light after mounting.
}
