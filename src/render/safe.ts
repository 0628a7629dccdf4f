/**
 * Text from a document or a user must never ping a channel: "@everyone", "@here", "<!channel>", "<@U123>",
 * "<#C123>" and HTML are defused before any renderer sees them. A zero-width joiner after "@" keeps the word
 * readable while no platform treats it as a mention.
 */
export function defuse(text: string): string {
  return text
    .replace(/<(?=[!@#])/g, '‹')
    .replace(/(‹[!@#][^>]*)>/g, '$1›')
    .replace(/@(?=everyone|here|channel|[A-Za-z0-9_])/gi, '@\u2060')
    .replace(/<(\/?)(script|iframe|img|a|style)\b/gi, '‹$1$2');
}
