/**
 * The layout's rule (issue 9, docs/architecture.md): `nodes/WhatsAppMaton/shared/` holds only what
 * two resources use, or what the node's own parts beside the resources use (transport, list
 * searches, the description, the node and trigger files). A file there that a single resource
 * reaches belongs in that resource's folder, beside the operations it serves.
 *
 * Reach is followed through relative imports, and through other shared files: a shared file used
 * only by another shared file counts that file's users.
 */
import fs from 'node:fs';
import path from 'node:path';

const NODES = path.join(__dirname, '..', '..', 'nodes');
const SHARED = path.join(NODES, 'WhatsAppMaton', 'shared');
const RESOURCES = path.join(NODES, 'WhatsAppMaton', 'resources');

function sourceFiles(folder: string): string[] {
	return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** The file a relative import names, as TypeScript resolves it here (`x.ts` or `x/index.ts`). */
function resolveImport(from: string, specifier: string): string | undefined {
	const target = path.resolve(path.dirname(from), specifier);
	return [`${target}.ts`, path.join(target, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

const files = sourceFiles(NODES);
const importersOf = new Map<string, Set<string>>();
for (const file of files) {
	const source = fs.readFileSync(file, 'utf8');
	for (const match of source.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
		const target = resolveImport(file, match[1]);
		if (!target) continue;
		if (!importersOf.has(target)) importersOf.set(target, new Set());
		importersOf.get(target)?.add(file);
	}
}

/** Who uses a shared file: a resource by name, or another part of the nodes by its path. */
function usersOf(sharedFile: string): Set<string> {
	const users = new Set<string>();
	const seen = new Set<string>([sharedFile]);
	const pending = [sharedFile];
	while (pending.length) {
		const current = pending.pop() as string;
		for (const importer of importersOf.get(current) ?? []) {
			if (seen.has(importer)) continue;
			seen.add(importer);
			if (importer.startsWith(SHARED + path.sep)) {
				pending.push(importer);
			} else if (importer.startsWith(RESOURCES + path.sep)) {
				users.add(`resource ${path.relative(RESOURCES, importer).split(path.sep)[0]}`);
			} else {
				users.add(path.relative(NODES, importer));
			}
		}
	}
	return users;
}

const sharedFiles = files.filter((file) => file.startsWith(SHARED + path.sep));

describe('nodes/WhatsAppMaton/shared/: only what two resources (or the node itself) use', () => {
	it('finds the shared files and their imports', () => {
		// Guards the test itself: a changed import style would otherwise leave every file unused.
		expect(sharedFiles.length).toBeGreaterThan(5);
		expect(usersOf(path.join(SHARED, 'limits.ts')).size).toBeGreaterThan(2);
	});

	it.each(sharedFiles.map((file) => [path.relative(SHARED, file), file]))(
		'%s is used by two resources or by a part outside the resources',
		(name, file) => {
			const users = [...usersOf(file)];
			const resources = users.filter((user) => user.startsWith('resource '));
			const otherParts = users.filter((user) => !user.startsWith('resource '));
			expect({ file: name, enough: resources.length >= 2 || otherParts.length >= 1, users }).toEqual({
				file: name,
				enough: true,
				users,
			});
		},
	);
});
