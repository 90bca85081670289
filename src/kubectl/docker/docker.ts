/**
 * `docker` on the user's machine, as far as a kind user needs it: `docker ps` to see the node containers and
 * `docker exec [-it] <node> <tool> …` to look at a node's kube-proxy rules (docker/cli: "No such container"
 * and "You must provide at least one command" messages from cli/command/container/exec.go).
 */
import type { Cluster } from '../../engine';
import { dockerPs } from './dockerPs';
import { runInNode, type ToolResult } from './nodeExec';

const usage = `Usage:  docker [OPTIONS] COMMAND

svcsim simulates two docker commands for a kind cluster:
  ps          List the node containers
  exec        Run a command in a node: iptables-save, iptables, ipvsadm, ipset, nft, ip, conntrack
              (and kube-proxy-userspace: the userspace mode's proxy table)
`;

export function runDocker(cluster: Cluster, args: string[]): ToolResult {
  const [cmd, ...rest] = args;
  if (cmd === undefined || cmd === '--help' || cmd === 'help') return { stdout: usage, stderr: '', exitCode: cmd === undefined ? 0 : 0 };
  if (cmd === 'ps' || (cmd === 'container' && rest[0] === 'ls')) return { stdout: dockerPs(cluster), stderr: '', exitCode: 0 };
  if (cmd === 'exec') {
    let i = 0;
    while (i < rest.length && rest[i].startsWith('-')) {
      if (rest[i] === '-u' || rest[i] === '-w' || rest[i] === '-e' || rest[i] === '--user' || rest[i] === '--workdir' || rest[i] === '--env') i++;
      i++;
    }
    const container = rest[i];
    const argv = rest.slice(i + 1);
    if (container === undefined) return { stdout: '', stderr: '"docker exec" requires at least 2 arguments.\nSee \'docker exec --help\'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n', exitCode: 1 };
    const node = cluster.config.nodes.find((n) => n.name === container);
    if (!node) return { stdout: '', stderr: `Error response from daemon: No such container: ${container}\n`, exitCode: 1 };
    if (argv.length === 0) return { stdout: '', stderr: '"docker exec" requires at least 2 arguments.\nSee \'docker exec --help\'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n', exitCode: 1 };
    return runInNode(cluster, node, argv);
  }
  return { stdout: '', stderr: `docker: '${cmd}' is not a docker command (svcsim simulates docker ps and docker exec).\nSee 'docker --help'\n`, exitCode: 1 };
}
