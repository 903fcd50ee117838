const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string has a UUID's shape: checked before it reaches a ::uuid cast (PostgreSQL would reject it with an error). */
export const looksLikeUuid = (value: string) => UUID.test(value);
