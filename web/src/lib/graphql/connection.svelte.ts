/** The live (websocket) connection's state, for the indicator in the header. */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

class Connection {
  status = $state<ConnectionStatus>('connecting');
  set(status: ConnectionStatus) {
    this.status = status;
  }
}

export const connection = new Connection();
