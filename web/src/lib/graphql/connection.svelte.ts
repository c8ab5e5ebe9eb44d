/**
 * The live (websocket) connection's state, for the indicator in the header: `reconnecting` while a
 * retry is scheduled, `offline` only when the browser has no network or the client stopped trying.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

class Connection {
  status = $state<ConnectionStatus>('connecting');
  set(status: ConnectionStatus) {
    this.status = status;
  }
}

export const connection = new Connection();
