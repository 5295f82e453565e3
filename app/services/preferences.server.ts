// What a person chose for themselves: the language they read, which their emails follow.
import type { Actor } from '../domain/actor.js';
import type { Lang } from '../i18n/index.js';
import type { AppContext } from '../context.server.js';

export async function rememberLanguage(ctx: AppContext, actor: Actor, lang: Lang): Promise<void> {
  await ctx.db.updateTable('users').set({ language: lang }).where('id', '=', actor.userId).execute();
}
