/**
 * The Api-User-Agent Wikimedia's User-Agent policy asks for (https://meta.wikimedia.org/wiki/User-Agent_policy):
 * the client's name and version and a way to reach its maintainers, "Backstory/0.2.0 (https://…; reading-companion
 * browser extension)". The contact is the project's homepage from package.json (the manifest's homepage_url).
 */
export function apiUserAgent(version: string, contactUrl: string | null | undefined): string {
  const contact = contactUrl && /^https:\/\/[^\s;()]+$/.test(contactUrl) ? `${contactUrl}; ` : '';
  return `Backstory/${version} (${contact}reading-companion browser extension)`;
}
