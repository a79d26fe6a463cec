import classes from './EmailBody.module.css';

/**
 * The HTML of an e-mail as the server stored it: sanitised on arrival with an allow-list (no
 * scripts, handlers, forms, frames, classes or remote images; docs/email.md), and the app's
 * Content-Security-Policy blocks inline scripts and foreign images behind that. Quoted history is
 * a closed <details> the agent can open.
 */
export function EmailBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server on arrival (channels/email/sanitize.ts)
  return <div className={classes.body} data-testid="email-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
