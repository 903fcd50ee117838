import { installFieldCipher } from "@shared/sealed-columns";
import { createDataCipher, resolveDataKeys } from "../lib/data-cipher";

/**
 * For tests that write or read personal-data columns without building the services (which install the cipher,
 * ADR 058): the same keys a server started with this SESSION_SECRET derives, so rows a child server sealed open here.
 */
export function installTestDataCipher(sessionSecret: string): void {
  installFieldCipher(createDataCipher(resolveDataKeys({ SESSION_SECRET: sessionSecret, DATA_DIR: "" })));
}
