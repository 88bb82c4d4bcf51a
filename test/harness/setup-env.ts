/**
 * Jest `setupFiles` entry (runs before each test file's imports): gives n8n-core a fresh,
 * throw-away user folder and quiets n8n's logger unless the caller chose a level.
 */
import { prepareHarnessEnvironment } from './environment';

prepareHarnessEnvironment();
