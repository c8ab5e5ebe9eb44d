/**
 * The first admin's generated password is shown exactly once: identity prints this one line to
 * stdout (a log line in form, but written past the logger, whose redaction would hide the password),
 * and the launcher picks it out of identity's output to show in its start-up summary.
 */
export interface FirstAdmin {
  email: string;
  password: string;
}

export function firstAdminLine(admin: FirstAdmin, service = 'identity'): string {
  return JSON.stringify({
    level: 30,
    time: Date.now(),
    service,
    msg: `first admin: ${admin.email}, password ${admin.password} (shown once; set ADMIN_EMAIL/ADMIN_PASSWORD to choose your own)`,
    firstAdmin: admin,
  });
}

/** The admin announced by a line of identity's output, if that line is the announcement. */
export function parseFirstAdminLine(line: string): FirstAdmin | null {
  if (!line.includes('"firstAdmin"')) return null;
  try {
    const { firstAdmin } = JSON.parse(line) as { firstAdmin?: Partial<FirstAdmin> };
    return typeof firstAdmin?.email === 'string' && typeof firstAdmin.password === 'string'
      ? { email: firstAdmin.email, password: firstAdmin.password }
      : null;
  } catch {
    return null;
  }
}
