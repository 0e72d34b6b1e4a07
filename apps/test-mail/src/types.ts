/** Types shared by the server and its page. */

/** A message as the server received it. */
export interface ReceivedMail {
  id: string;
  /** The From header as sent, e.g. `Vårdkedjan <noreply@vardkedjan.local>` (the envelope sender if there is none). */
  from: string;
  /** The envelope recipients (RCPT TO), which includes any Bcc. */
  to: string[];
  subject: string;
  /** The plain-text body (mailparser derives one from the HTML when the message has none). */
  text: string;
  /** The HTML body, or null when the message has none. */
  html: string | null;
  /** The Message-ID header, e.g. `<…@vardkedjan.local>`, or null. */
  messageId: string | null;
  /** ISO 8601 instant the server accepted the message. */
  receivedAt: string;
}
