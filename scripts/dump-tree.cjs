const P=require('tree-sitter'); const Py=require('tree-sitter-python'); const p=new P(); p.setLanguage(Py);
const src=require('fs').readFileSync(0,'utf8'); console.log(p.parse(src).rootNode.toString().replace(/\(/g,'\n(').replace(/\n\(/,'('));
