/** The seed's request bodies, for any room, client and date. */
export const booking = (room: number | string, client: number | string, date = '2022-12-12') => ({
  data: { room: { id: room }, client: { id: client }, date },
});

export const cleanup = (room: number | string, date = '2022-12-12') => ({ data: { room: { id: room }, date } });
