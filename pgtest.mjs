import { PGlite } from '@electric-sql/pglite';
const t=Date.now();const db=new PGlite(process.argv[2]);await db.waitReady; await db.query('select 1');
console.log('ms',Date.now()-t,'rss',Math.round(process.memoryUsage().rss/1e6));
if (process.argv[3]) { const t2=Date.now(); const f = await db.dumpDataDir('gzip'); console.log('dump',Date.now()-t2,f.size); const t3=Date.now(); const c=new PGlite({loadDataDir:f}); await c.query('select 1'); console.log('load ms',Date.now()-t3,'rss',Math.round(process.memoryUsage().rss/1e6)); const t4=Date.now(); const cl = await db.clone(); await cl.query('select 1'); console.log('clone ms',Date.now()-t4, Math.round(process.memoryUsage().rss/1e6));}
await db.close();
