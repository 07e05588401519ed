import { describeEventStoreContract } from '@libs/testing/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

const store = new InMemoryEventStore();

describeEventStoreContract('the in-memory store', { store: () => store });
