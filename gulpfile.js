const { src, dest } = require('gulp');

// Icons are not TypeScript, so tsc leaves them behind; n8n loads them from dist/.
// encoding: false keeps gulp 5 from re-encoding binary files (it would corrupt PNGs).
function buildIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
		allowEmpty: true,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
