/** The pages reached from a mail: no login, no session asked for (see `isPublicPath`). */
export const PUBLIC_ACCOUNT_PATHS = ['/wachtwoord-vergeten', '/wachtwoord-instellen', '/wachtwoord-herstellen', '/afmelden'];
