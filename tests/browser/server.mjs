// A bdp server of its own for the browser tests: a temporary SQLite database filled with the
// fixture dataset (tests/browser/fixtures/dataset.json, or the demo data when absent) and one
// editor (`editor`: email, name, password), on a free loopback port. start() resolves once
// /healthz answers; stop() ends it and removes the files.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(origin, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`bdp serve exited with ${child.exitCode}:\n${output.join('')}`);
    }
    try {
      const r = await fetch(`${origin}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`bdp serve did not answer ${origin}/healthz within ${timeoutMs} ms:\n${output.join('')}`);
}

export class BdpServer {
  // bdp: path of the built binary; root: the source tree (config, assets, demo data).
  constructor({ bdp, root, fixture, port }) {
    this.bdp = path.resolve(bdp);
    this.root = root;
    this.fixture = fixture;
    this.port = port;
  }

  async start() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdp-browser-'));
    const database = `sqlite:${path.join(this.dir, 'bdp.db')}`;
    if (this.fixture && fs.existsSync(this.fixture)) {
      const r = spawnSync(this.bdp, ['import', this.fixture, '--database', database], {
        cwd: this.root,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`bdp import ${this.fixture} failed:\n${r.stdout}${r.stderr}`);
      console.log(`fixture: ${r.stdout.trim()}`);
    }
    // The editor of the login journey, added as an operator would (the password from the
    // environment: no terminal here).
    this.editor = { email: 'redaktor@example.org', name: 'Ewa Redaktorska', password: 'testowe-haslo-redakcji' };
    const added = spawnSync(this.bdp, ['editor', 'add', '--database', database, '--email', this.editor.email,
      '--name', this.editor.name], {
      cwd: this.root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BDP_EDITOR_PASSWORD: this.editor.password },
    });
    if (added.status !== 0) throw new Error(`bdp editor add failed:\n${added.stdout}${added.stderr}`);
    // An expert of the review journey, whom the editor assigns and who scores.
    this.reviewer = { email: 'recenzent@example.org', name: 'Roman Recenzent', password: 'testowe-haslo-eksperta' };
    const reviewer = spawnSync(this.bdp, ['editor', 'add', '--database', database, '--email', this.reviewer.email,
      '--name', this.reviewer.name, '--role', 'reviewer'], {
      cwd: this.root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BDP_EDITOR_PASSWORD: this.reviewer.password },
    });
    if (reviewer.status !== 0) throw new Error(`bdp editor add failed:\n${reviewer.stdout}${reviewer.stderr}`);
    const port = this.port ?? (await freePort());
    this.origin = `http://127.0.0.1:${port}`;
    // The portal's own config, pointed at this server (canonical links, the statement's URL).
    const config = JSON.parse(fs.readFileSync(path.join(this.root, 'config/bdp.json'), 'utf8'));
    config.base_url = this.origin;
    // The submission journey sends a second after its first step (people take longer: 5 s).
    config.limits = { ...(config.limits ?? {}), submission_min_seconds: 1 };
    const configPath = path.join(this.dir, 'bdp.json');
    fs.writeFileSync(configPath, JSON.stringify(config));
    this.config = config;
    this.database = database;
    this.configPath = configPath;
    const args = ['serve', '--database', database, '--config', configPath, '--address', '127.0.0.1',
      '--port', String(port), '--no-access-log', '--index', path.join(this.dir, 'index'),
      '--spool', path.join(this.dir, 'spool')];
    this.child = spawn(this.bdp, args, { cwd: this.root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    this.child.stdout.on('data', (d) => output.push(d.toString()));
    this.child.stderr.on('data', (d) => output.push(d.toString()));
    await waitForHealth(this.origin, this.child, output, 20000);
    return this.origin;
  }

  async stop() {
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    }
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
