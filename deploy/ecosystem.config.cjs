// pm2 recipe for the baoxun Discord bot. From the project root:
//   npm install -g pm2
//   pm2 start deploy/ecosystem.config.cjs && pm2 save && pm2 startup   (start on boot)
//   pm2 logs baoxun · pm2 restart baoxun · pm2 stop baoxun
// pm2 stops with SIGINT then SIGKILL after kill_timeout; the bot handles SIGINT like SIGTERM.
const path = require('node:path');

module.exports = {
  apps: [
    {
      name: 'baoxun',
      cwd: path.resolve(__dirname, '..'),
      // `npm start`'s launcher: compiles src/ to dist/ when a source changed, then runs dist/src/cli/start.js.
      script: 'scripts/run-compiled.mjs',
      args: 'src/cli/start.js',
      interpreter: 'node',
      // One process: the index and the rate limits live in memory.
      instances: 1,
      exec_mode: 'fork',
      autorestart: true,
      restart_delay: 5000,
      max_restarts: 20,
      kill_timeout: 20000,
      env: { NODE_ENV: 'production' },
    },
  ],
};
