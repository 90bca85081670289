/**
 * Whether a toolbox image lacks a program a container names as its main process, for the programs people
 * expect to find and often do not: `curl` in busybox, `wget` in Debian, `dig` in busybox, `bash` in Alpine. The
 * runtime then cannot start the container at all (runc: `exec: "curl": executable file not found in $PATH`).
 * Only the toolbox images svcsim models are judged, and only these programs: of any other, svcsim cannot say.
 */
import { hasDnsTool } from '../../dns/tools/dnsTools';
import { httpToolsOf } from '../../net/http/httpTools';
import type { SimulatedApp } from './app';

const toolboxes = new Set(['busybox', 'alpine', 'curl', 'netshoot', 'ubuntu', 'debian', 'dnsutils']);

/** True only when `app` is a modelled toolbox image known not to ship `program` (a name or a path). */
export function imageLacksProgram(app: SimulatedApp, image: string, program: string): boolean {
  const base = app.name.replace(/\/command$/, '');
  if (!toolboxes.has(base)) return false;
  const name = program.split('/').pop() ?? program;
  switch (name) {
    case 'curl':
      return !httpToolsOf(base, image).curl;
    case 'wget':
      return !httpToolsOf(base, image).wget;
    case 'nslookup':
    case 'dig':
    case 'host':
      return !hasDnsTool(app.dnsTools, name);
    case 'bash':
      // Debian and Ubuntu, and netshoot among the Alpine-based ones
      return app.coreutils === 'busybox' && base !== 'netshoot';
    default:
      return false;
  }
}
