/**
 * Realistic Brazilian customers for simulated attendances: names, mobile numbers with a real
 * area code (55 + DDD + 9 + 8 digits), ratings leaning good, lengths of a few minutes.
 */
const FIRST = [
  "Ana",
  "Beatriz",
  "Bruna",
  "Camila",
  "Carla",
  "Daniela",
  "Fernanda",
  "Gabriela",
  "Helena",
  "Juliana",
  "Larissa",
  "Luana",
  "Mariana",
  "Patrícia",
  "Renata",
  "Vitória",
  "André",
  "Bruno",
  "Carlos",
  "Diego",
  "Eduardo",
  "Felipe",
  "Gustavo",
  "João",
  "José",
  "Lucas",
  "Marcos",
  "Paulo",
  "Rafael",
  "Thiago",
];
const LAST = [
  "Silva",
  "Santos",
  "Oliveira",
  "Souza",
  "Rodrigues",
  "Ferreira",
  "Alves",
  "Pereira",
  "Lima",
  "Gomes",
  "Costa",
  "Ribeiro",
  "Martins",
  "Carvalho",
  "Almeida",
  "Lopes",
  "Soares",
  "Fernandes",
  "Vieira",
  "Barbosa",
];
const AREA_CODES = ["11", "21", "31", "41", "43", "44", "47", "48", "51", "61", "62", "71", "81", "85", "92"];
const OBSERVATIONS = ["", "", "", "Muito bom atendimento!", "Resolveram rápido.", "Demorou um pouco.", "Obrigado!"];

export type Random = () => number;

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

export function randomCustomer(random: Random = Math.random): { name: string; phone: string } {
  const digits = Array.from({ length: 8 }, () => Math.floor(random() * 10)).join("");
  return { name: `${pick(FIRST, random)} ${pick(LAST, random)}`, phone: `55${pick(AREA_CODES, random)}9${digits}` };
}

/** 1–5, mostly 4 and 5 as real surveys are. */
export function randomRating(random: Random = Math.random): number {
  return pick([5, 5, 5, 5, 4, 4, 4, 3, 2, 1], random);
}

export function randomObservation(random: Random = Math.random): string {
  return pick(OBSERVATIONS, random);
}

/** Between 1 and 25 minutes. */
export function randomDurationMs(random: Random = Math.random): number {
  return Math.round((1 + random() * 24) * 60_000);
}

/** Between 2 and 14 messages. */
export function randomMessageCount(random: Random = Math.random): number {
  return 2 + Math.floor(random() * 13);
}

export { pick };
