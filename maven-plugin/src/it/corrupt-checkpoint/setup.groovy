// a copy of the seed checkpoint whose index has one byte flipped inside its first block
File seed = new File(testdata, "models/seed") // testdata: a script variable the plugin's pom sets
File ckpt = new File(basedir, "ckpt")
ckpt.mkdirs()
seed.eachFile { f -> if (f.isFile()) new File(ckpt, f.name).bytes = f.bytes }
File index = new File(ckpt, "model.ckpt-1.index")
byte[] b = index.bytes
b[12] = (byte) (b[12] ^ 0x40)
index.bytes = b
return true
