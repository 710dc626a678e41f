/** Words of a name key for matching surnames to full names; initials ("l") carry no weight. */
export const keyWords = (key: string): string[] => key.split(' ').filter((w) => w.length > 1);
