// Every host-tier suite, in the order they run. Add new suites here.
import './contributions.test';
import './training.test';
import './lint.test';
import './hover.test';
import './notes.test';
import './diagnosis.test';
import './labs.test';
import './runs.test';
import './programs.test';
