/**
 * The Api-User-Agent Wikimedia's User-Agent policy asks for (https://meta.wikimedia.org/wiki/User-Agent_policy):
 * the client's name and version and a way to reach its maintainers, "Backstory/0.2.0 (https://…; reading-companion
 * browser extension)". The contact is the project's homepage from package.json (the manifest's homepage_url).
 * The command line sends the same shape under its own client name, so Wikimedia can tell the two apart.
 */
export function apiUserAgent(
  version: string,
  contactUrl: string | null | undefined,
  client: { name: string; kind: string } = { name: 'Backstory', kind: 'reading-companion browser extension' },
): string {
  const contact = contactUrl && /^https:\/\/[^\s;()]+$/.test(contactUrl) ? `${contactUrl}; ` : '';
  return `${client.name}/${version} (${contact}${client.kind})`;
}
