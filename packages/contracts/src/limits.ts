/** D11 default limits; schemas use these so the API and UI agree. */
export const LIMITS = {
  myWorkList: 50,
  bulkDownload: 100,
  privateViewsPerUser: 8,
  basicCardAttributes: 5,
  messageText: 4096,
  noteText: 4000,
  topic: 1000,
  summary: 4000,
  tagName: 100,
  displayName: 200,
  email: 320,
  passwordMin: 10,
  passwordMax: 200,
  apiKeyName: 100,
  queueName: 100,
  /** D1 default capacity: concurrent assigned conversations per agent (a supervisor may override it per agent). */
  agentCapacity: 5,
} as const;
