/**
 * Variables of user-defined templates (D7): `{{customer.firstName}}` and the like are filled in
 * when an agent inserts a template. `{{name|fallback}}` gives the text to use when the value is
 * missing (an unnamed customer); without a fallback a missing value becomes empty. Any other
 * `{{…}}` is refused when the template is saved (`unknownTemplateVariables`), and left untouched by
 * `fillTemplate`. Pure functions, shared by the server (validation) and the web app (filling).
 */
export const TEMPLATE_VARIABLES = [
  { name: 'customer.firstName', label: "Customer's first name", sample: 'Emma' },
  { name: 'customer.lastName', label: "Customer's last name", sample: 'Walsh' },
  { name: 'customer.name', label: "Customer's full name", sample: 'Emma Walsh' },
  { name: 'agent.firstName', label: "Agent's first name", sample: 'Liam' },
  { name: 'agent.name', label: "Agent's full name", sample: "Liam O'Connor" },
  { name: 'conversation.number', label: 'Conversation number', sample: '1042' },
] as const;

export type TemplateVariableName = (typeof TEMPLATE_VARIABLES)[number]['name'];

/** What a template is filled from: the conversation's customer, the agent inserting it, the conversation. */
export interface TemplateContext {
  customer?: { name?: string | null } | null;
  agent?: { displayName?: string | null } | null;
  conversation?: { number?: number | null } | null;
}

/** Values of the sample context used for previews (each variable's `sample`). */
export const SAMPLE_TEMPLATE_CONTEXT: TemplateContext = {
  customer: { name: 'Emma Walsh' },
  agent: { displayName: "Liam O'Connor" },
  conversation: { number: 1042 },
};

// `{{ name }}` or `{{ name | fallback }}`: no braces inside, whitespace around the parts ignored.
const TOKEN = /\{\{([^{}|]*)(?:\|([^{}]*))?\}\}/g;

const KNOWN = new Set<string>(TEMPLATE_VARIABLES.map((v) => v.name));

function isKnown(name: string): name is TemplateVariableName {
  return KNOWN.has(name);
}

/** The first word and the rest of a name; empty parts when there is none. */
function splitName(name: string | null | undefined): { full: string; first: string; rest: string } {
  const full = (name ?? '').trim().replace(/\s+/g, ' ');
  const space = full.indexOf(' ');
  return space < 0
    ? { full, first: full, rest: '' }
    : { full, first: full.slice(0, space), rest: full.slice(space + 1) };
}

/** The value of one variable in a context; '' when the context does not have it. */
export function templateVariableValue(name: TemplateVariableName, context: TemplateContext): string {
  const customer = splitName(context.customer?.name);
  const agent = splitName(context.agent?.displayName);
  switch (name) {
    case 'customer.firstName':
      return customer.first;
    case 'customer.lastName':
      return customer.rest;
    case 'customer.name':
      return customer.full;
    case 'agent.firstName':
      return agent.first;
    case 'agent.name':
      return agent.full;
    case 'conversation.number': {
      const number = context.conversation?.number;
      return number === null || number === undefined ? '' : String(number);
    }
  }
}

/**
 * The template text with every known variable replaced by its value (or its fallback, or '' when
 * the value is missing). Text outside variables, and unknown `{{…}}`, are kept exactly.
 */
export function fillTemplate(text: string, context: TemplateContext): string {
  return text.replace(TOKEN, (token, rawName: string, rawFallback: string | undefined) => {
    const name = rawName.trim();
    if (!isKnown(name)) return token;
    return templateVariableValue(name, context) || (rawFallback?.trim() ?? '');
  });
}

/** The distinct `{{…}}` names in a text that are not template variables, in order of appearance. */
export function unknownTemplateVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const name = (match[1] ?? '').trim();
    if (!isKnown(name)) unknown.add(name);
  }
  return [...unknown];
}

/** The token that inserts a variable, as the editor's variables helper writes it. */
export const variableToken = (name: TemplateVariableName): string => `{{${name}}}`;
