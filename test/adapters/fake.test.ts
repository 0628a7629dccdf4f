import { adapterContract, SentQueue } from './contract.js';
import { createFakeAdapter, FakePlatform } from './fake-adapter.js';

adapterContract('fake', async (service) => {
  const platform = new FakePlatform();
  const queue = new SentQueue();
  platform.onSend = (m) => queue.push(m);
  return {
    adapter: createFakeAdapter(platform, service),
    identifiesSender: true,
    sendText: async (text, { channel, user }) => platform.deliver({ type: 'message', channel, user, text }),
    sendCommand: async (command, options, { channel, user }) =>
      platform.deliver({ type: 'slash', channel, user, command, options }),
    nextSent: () => queue.next(),
    target: (channel) => ({ platform: 'test', workspace: 'W-fake', channel }),
  };
});
