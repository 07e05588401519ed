const ROOMS = ['1', '2', '3', '4', '5'];
const FIRST_DAY = Date.UTC(2000, 0, 1);
const LAST_DAY = Date.UTC(2100, 11, 31);

/**
 * Bodies of `PUT /mutation/book-room`, each for a room-day not booked before: the demo hotel's rooms
 * 1 to 5 on one day, then the next day, from 2000-01-01 on. Every call gives the next one.
 */
export const distinctBookings = (): (() => string) => {
  let booked = 0;
  return () => {
    const index = booked++;
    const day = FIRST_DAY + Math.floor(index / ROOMS.length) * 86_400_000;
    if (day > LAST_DAY) throw new Error(`ran out of distinct room-days after ${index} bookings`);
    const room = ROOMS[index % ROOMS.length] ?? '1';
    return JSON.stringify({ data: { room: { id: room }, client: { id: 'bench' }, date: new Date(day).toISOString().slice(0, 10) } });
  };
};

/** Books one room-day, failing on anything but 201. */
export const book = async (baseUrl: string, room: string, date: string): Promise<void> => {
  const response = await fetch(`${baseUrl}/mutation/book-room`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { room: { id: room }, client: { id: 'bench' }, date } }),
  });
  if (response.status !== 201) throw new Error(`booking ${room} on ${date} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
};
