// Node's Request needs absolute URLs; the browser resolves '/api/v1/...' against the page.
// Imported before anything that creates the API client (which keeps a reference to Request).
const NodeRequest = globalThis.Request;
class PageRelativeRequest extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' && input.startsWith('/') ? new URL(input, window.location.href).href : input, init);
  }
}
globalThis.Request = PageRelativeRequest as typeof Request;
