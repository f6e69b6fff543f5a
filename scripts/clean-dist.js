// Removes dist/ before a build so files of deleted nodes never linger in the package.
const fs = require('fs');
const path = require('path');
fs.rmSync(path.join(__dirname, '..', 'dist'), { recursive: true, force: true });
