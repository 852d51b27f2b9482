/** Discord's message limits (https://discord.com/developers/docs/resources/message), in UTF-16 code units as Discord counts them. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of every title, description, field name/value, footer and author name in one message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  buttonLabel: 80,
  threadName: 100,
} as const;
