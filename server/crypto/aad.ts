/** Associated data binding an operator's token to its row (a ciphertext copied to another row fails). */
export const operatorAad = (operatorId: string): string => `operator:${operatorId}`;
