// Real IndexedDB semantics in Node.
import 'fake-indexeddb/auto';
