export { normalisePhone, type PhoneRejection, type PhoneResult } from './normalise-phone';
export { lastDigits } from './last-digits';
