/**
 * A display language for the test VS Code without the Marketplace. VS Code only switches to a locale for
 * which a language pack is installed; the real packs come from the Marketplace, which this machine cannot
 * reach. This one translates nothing of VS Code itself (its own texts stay English), but it makes VS Code
 * run in `locale`, so extensions — DeepScope — get their package.nls.<locale>.json and vscode.env.language.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export async function installEmptyLanguagePack(extensionsDir: string, userDataDir: string, locale: string): Promise<void> {
  const id = `deepscope-tests.empty-language-pack-${locale}`;
  const folder = path.join(extensionsDir, `${id}-1.0.0`);
  const translations = path.join(folder, 'translations', 'main.i18n.json');
  await mkdir(path.dirname(translations), { recursive: true });
  await writeFile(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  await writeFile(
    path.join(folder, 'package.json'),
    JSON.stringify({
      name: `empty-language-pack-${locale}`,
      publisher: 'deepscope-tests',
      version: '1.0.0',
      engines: { vscode: '*' },
      categories: ['Language Packs'],
      contributes: { localizations: [{ languageId: locale, languageName: locale, localizedLanguageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
    }),
  );
  // The server reads its language packs from this cache before it has scanned the extensions.
  await writeFile(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: `${id}-1.0.0`,
        extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }],
        translations: { vscode: translations },
        label: locale,
      },
    }),
  );
}
