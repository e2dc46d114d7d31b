/**
 * The documentation links the nodes and credentials give n8n (codex `primaryDocumentation` and
 * `credentialDocumentation`, credential `documentationUrl`) that point into this package's README
 * must land on a real heading: n8n's editor opens them from each node's "Docs" link, and a README
 * rewrite that drops a heading would silently send users to the top of the page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { githubSlug, headingAnchors } from './markdown';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	homepage: string;
	n8n: { nodes: string[] };
};
const HOMEPAGE = packageJson.homepage.replace(/\/+$/, '');

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(full, keep);
		return keep(full) ? [full] : [];
	});
}

interface DocLink {
	file: string;
	url: string;
}

/** Every documentation URL of the codex files and credentials, with the file it is in. */
function documentationLinks(): DocLink[] {
	const codexLinks = filesUnder(path.join(ROOT, 'nodes'), (f) => f.endsWith('.node.json')).flatMap(
		(file) => {
			const codex = JSON.parse(fs.readFileSync(file, 'utf8')) as {
				resources?: Record<string, Array<{ url: string }>>;
			};
			return Object.values(codex.resources ?? {}).flatMap((entries) =>
				entries.map(({ url }) => ({ file, url })),
			);
		},
	);
	const credentialLinks = filesUnder(path.join(ROOT, 'credentials'), (f) =>
		f.endsWith('.credentials.ts'),
	).flatMap((file) =>
		[
			...fs.readFileSync(file, 'utf8').matchAll(/documentationUrl\s*[=:]\s*['"`]([^'"`]+)['"`]/g),
		].map((m) => ({ file, url: m[1] })),
	);
	return [...codexLinks, ...credentialLinks];
}

const readmeAnchors = new Set(
	headingAnchors(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')),
);
const intoReadme = documentationLinks().filter(
	({ url }) => url.startsWith(`${HOMEPAGE}#`) || url === HOMEPAGE,
);

describe('documentation links into the README', () => {
	it('are found: every node listed in package.json has a codex whose primary documentation points into the README', () => {
		const nodeNames = packageJson.n8n.nodes.map((p) => path.basename(p).replace(/\.node\.js$/, ''));
		expect(nodeNames.length).toBeGreaterThanOrEqual(8);
		for (const name of nodeNames) {
			const codex = intoReadme.find(
				({ file, url }) => path.basename(file) === `${name}.node.json` && url.includes('#'),
			);
			expect({ node: name, readmeLink: codex?.url ?? 'none' }).toEqual({
				node: name,
				readmeLink: expect.stringContaining('#'),
			});
		}
	});

	it('each land on a heading of README.md', () => {
		const broken = intoReadme
			.map(({ file, url }) => ({
				file: path.relative(ROOT, file),
				url,
				anchor: url.split('#')[1] ?? '',
			}))
			.filter(({ anchor }) => anchor !== '' && !readmeAnchors.has(anchor));
		expect(broken).toEqual([]);
	});

	it('include the anchors the nodes and credentials have always used', () => {
		const anchors = new Set(intoReadme.map(({ url }) => url.split('#')[1]));
		for (const anchor of [
			'send-sms',
			'check-sms-balance',
			'manage-sender-names',
			'change-scheduled-sms',
			'dhis2-sms-gateways',
			'inbound-sms-trigger',
			'sms-delivery-report-trigger',
			'sms-opt-out-trigger',
			'credentials',
		]) {
			expect({ anchor, linked: anchors.has(anchor), heading: readmeAnchors.has(anchor) }).toEqual({
				anchor,
				linked: true,
				heading: true,
			});
		}
	});
});

describe('githubSlug and headingAnchors (GitHub anchor rules)', () => {
	it('lower-case, spaces to hyphens, punctuation dropped, code and links reduced to their text', () => {
		expect(githubSlug('Send SMS')).toBe('send-sms');
		expect(githubSlug('SMS Opt-Out Trigger')).toBe('sms-opt-out-trigger');
		expect(githubSlug('Running at volume')).toBe('running-at-volume');
		expect(githubSlug("Africa's Talking — `/africastalking`")).toBe(
			'africas-talking--africastalking',
		);
		expect(githubSlug('Deduplication: `eventId`')).toBe('deduplication-eventid');
		expect(githubSlug('[Send SMS](#send-sms) (`sendSms`)')).toBe('send-sms-sendsms');
		expect(githubSlug('4. Scale of the work, 1,000 → 100,000 recipients')).toBe(
			'4-scale-of-the-work-1000--100000-recipients',
		);
		expect(githubSlug('Config shape (defaults shown)')).toBe('config-shape-defaults-shown');
	});

	it('number repeated headings and ignore headings inside code blocks', () => {
		const markdown = [
			'# Title',
			'## Events',
			'```',
			'## Not a heading',
			'```',
			'### Events',
			'  ## Indented',
		].join('\n');
		expect(headingAnchors(markdown)).toEqual(['title', 'events', 'events-1', 'indented']);
	});
});
