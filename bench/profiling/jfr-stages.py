# Shares of JFR execution samples per stage of a search: each sample goes to the innermost stage its stack passes through.
# usage: jfr-stages.py FILE.jfr  (the JDK's jfr tool, from JAVA_HOME)
# Stage prefixes of earlier builds stay (Confidence.coverage, before MessageCoverage), so older builds' profiles compare.
import os, re, sys, collections, subprocess
jfr=sys.argv[1]
out=subprocess.run([os.path.join(os.environ.get('JAVA_HOME','/usr/lib/jvm/temurin-25-jdk-amd64'),'bin','jfr'),'print','--stack-depth','200','--events','jdk.ExecutionSample',jfr],capture_output=True,text=True).stdout
events=out.split('jdk.ExecutionSample {')[1:]
stages=[('usage log','shopkb.usage.'),('JSON','com.fasterxml.jackson'),('highlight','shopkb.search.Highlighter'),
        ('parse message','shopkb.search.BuyerQueryParser'),('build query','shopkb.search.QueryBuilder'),
        ('confidence idf','shopkb.search.Confidence.idf'),('coverage','shopkb.search.MessageCoverage'),('coverage','shopkb.search.Confidence.coverage'),
        ('meaning search','shopkb.search.MeaningSearch'),('meaning sims','shopkb.indexing.MeaningIndex'),
        ('lucene search','org.apache.lucene.search.IndexSearcher.search'),('unit reader','shopkb.search.UnitReader'),
        ('fusion','shopkb.search.RankFusion'),('shape','shopkb.search.SearchService.shape'),('search (other)','shopkb.search.SearchService'),
        ('handler','shopkb.server.api'),('jetty/http','org.eclipse.jetty'),('javalin','io.javalin')]
cnt=collections.Counter(); n=0; top=collections.Counter()
for e in events:
    frames=re.findall(r'^\s+([\w.$<>]+)\(', e, re.M)
    if not frames: continue
    n+=1; top[frames[0]]+=1
    # innermost match wins (frames listed top=innermost first)
    st='other'
    for f in frames:
        hit=None
        for name,pre in stages:
            if f.startswith(pre): hit=name; break
        if hit: st=hit; break
    cnt[st]+=1
print('samples',n)
for k,v in cnt.most_common(): print('%-16s %5.1f%%'%(k,100*v/n))
print('--- top frames')
for f,c in top.most_common(12): print('%5.1f%% %s'%(100*c/n,f))
