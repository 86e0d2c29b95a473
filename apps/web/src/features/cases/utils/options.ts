/** What the case page needs of territories and organisations: the app passes them in from their features. */
export interface NamedOption {
  id: string;
  name: string;
  code?: string;
}

export const nameOf = (options: readonly NamedOption[] | undefined, id: string | null) =>
  (id && options?.find((option) => option.id === id)?.name) || null;
