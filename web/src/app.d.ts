declare global {
  namespace App {
    interface Error {
      message: string;
      /** The GraphQL extensions.code behind the error, when there was one. */
      code?: string;
    }
  }
}

export {};
