import type { PrismaClient } from '@prisma/client';
import { passwordLinkUrl } from '../../api/signIn';
import type { DirectoryEntry } from '../../store/directory';
import { createPasswordLink } from '../../store/localAccounts';

/**
 * One-time links that set a demo person's password, so that the web inbox can be tried in a
 * browser: the demo directory has no passwords, and none is ever chosen for anyone. Made at each
 * start for those who have not set one yet; one already set is left alone.
 */
export async function demoSignInLinks(
  prisma: PrismaClient,
  people: readonly DirectoryEntry[],
  settings: { publicUrl: string; passwordLinkMs: number },
): Promise<{ email: string; url: string }[]> {
  const withPassword = new Set((await prisma.localPassword.findMany({ where: { staffId: { in: people.map((p) => p.staffId) } }, select: { staffId: true } })).map((p) => p.staffId));
  const links = [];
  for (const person of people.filter((p) => !withPassword.has(p.staffId))) {
    const { secret } = await createPasswordLink(prisma, { staffId: person.staffId, purpose: 'set', now: new Date(), lifetimeMs: settings.passwordLinkMs, createdBy: 'demo' });
    links.push({ email: person.email, url: passwordLinkUrl(settings.publicUrl, secret) });
  }
  return links;
}
