import type { ApiLanguage } from '../topic';
import type { SourceDialect } from '../../../syntax/lexer';

/** tfjs code is TypeScript/JavaScript; Keras and PyTorch code is Python. */
export const DIALECT_OF: Readonly<Record<ApiLanguage, SourceDialect>> = { tfjs: 'js', keras: 'python', pytorch: 'python' };
