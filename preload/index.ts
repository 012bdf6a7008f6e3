/**
 * The preload: one object, window.opora, with one method. It relays calls on one channel and knows
 * nothing else; main validates every input against the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { OporaBridge } from './contract/index.js';

const bridge: OporaBridge = {
  call: (name, input) => ipcRenderer.invoke('opora:call', { name, input }),
};

contextBridge.exposeInMainWorld('opora', bridge);
