/**
 * A problem with how the portal was configured or installed (not a bug): its message is one plain sentence that says
 * what is wrong and what to do, printed without a stack trace by the start and the commands.
 */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}
