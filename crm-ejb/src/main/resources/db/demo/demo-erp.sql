-- Demo ERP (only when crm.demo=true): a small, realistic Brazilian ERP behind the documented views, so the
-- embedded run and the tests show real Sales, Finance and Service tabs through the same code as production.
-- Dates are kept as days from today and turned into dates by the views: the demo never grows old.

create table demo_erp_customer (code varchar(20) not null primary key, name varchar(150) not null, tax_id varchar(14),
    email varchar(254), phone varchar(30), city varchar(60), state varchar(2));
create table demo_erp_sales (customer_code varchar(20) not null, kind varchar(10) not null, number varchar(20) not null,
    day_offset integer not null, amount numeric(14,2) not null, status varchar(20) not null, nfe_key varchar(44),
    open_order boolean not null, primary key (kind, number));
create table demo_erp_receivable (customer_code varchar(20) not null, document varchar(30) not null primary key,
    issue_offset integer not null, due_offset integer not null, amount numeric(14,2) not null, balance numeric(14,2) not null);
create table demo_erp_service (customer_code varchar(20) not null, kind varchar(10) not null, number varchar(20) not null,
    day_offset integer not null, amount numeric(14,2) not null, status varchar(20) not null, description varchar(200) not null,
    primary key (kind, number));
create table demo_erp_product (code varchar(20) not null primary key, description varchar(200) not null, unit varchar(6) not null,
    price numeric(14,2) not null, active boolean not null);

-- The documented entry point for sales orders (README, "ERP integration"): the module inserts one row per order and
-- its items; the ERP takes them from there. In the demo, they show as orders in the Sales tab at once.
create table erp_sales_order_in (request_id varchar(60) not null primary key, customer_code varchar(20),
    customer_tax_id varchar(14), customer_name varchar(150) not null, proposal_number varchar(20) not null,
    total numeric(14,2) not null, payment_terms varchar(500), requested_by varchar(60) not null,
    requested_at timestamp with time zone not null);
create table erp_sales_order_in_item (request_id varchar(60) not null, position integer not null,
    product_code varchar(60), description varchar(500) not null, quantity numeric(12,3) not null,
    unit_price numeric(14,2) not null, discount_percent numeric(5,2) not null, primary key (request_id, position));

insert into demo_erp_customer values ('C0001', 'Padaria Pão Dourado Ltda', '11222333000181', 'compras@paodourado.com.br', null, 'São Paulo', 'SP');
insert into demo_erp_customer values ('C0002', 'Construtora Horizonte S.A.', '22333444000181', 'suprimentos@horizonte.com.br', null, 'Rio de Janeiro', 'RJ');
insert into demo_erp_customer values ('C0003', 'Farmácia Bem Estar Eireli', '33444555000181', 'contato@bemestar.com.br', null, 'Belo Horizonte', 'MG');
insert into demo_erp_customer values ('C0004', 'Auto Peças Rodovia Ltda', '44555666000181', 'vendas@autopecasrodovia.com.br', null, 'Curitiba', 'PR');
insert into demo_erp_customer values ('C0005', 'Clínica Sorriso Odontologia', '55666777000181', 'adm@clinicasorriso.com.br', null, 'Porto Alegre', 'RS');
insert into demo_erp_customer values ('C0006', 'Supermercado Família Ltda', '66777888000181', 'gerencia@superfamilia.com.br', null, 'Brasília', 'DF');
insert into demo_erp_customer values ('C0007', 'Metalúrgica São João S.A.', '77888999000181', 'compras@metalsaojoao.com.br', null, 'Campinas', 'SP');
insert into demo_erp_customer values ('C0008', 'Escola Aprender Mais', '88999000000198', 'secretaria@aprendermais.com.br', null, 'Recife', 'PE');
insert into demo_erp_customer values ('C0009', 'Hotel Beira Mar Ltda', '99000111000165', 'reservas@hotelbeiramar.com.br', null, 'Fortaleza', 'CE');
insert into demo_erp_customer values ('C0010', 'Transportadora Veloz Ltda', '10111213000144', 'frota@veloz.com.br', null, 'Goiânia', 'GO');
insert into demo_erp_customer values ('C0011', 'Agropecuária Campo Verde', '12131415000183', 'fazenda@campoverde.com.br', null, 'Cuiabá', 'MT');
insert into demo_erp_customer values ('C0012', 'Gráfica Impressão Rápida', '13141516000106', 'orcamento@impressaorapida.com.br', null, 'Joinville', 'SC');
insert into demo_erp_customer values ('C0013', 'João Carlos da Silva', '12345678909', 'joao.silva@email.com.br', null, 'São Paulo', 'SP');
insert into demo_erp_customer values ('C0014', 'Maria Aparecida Santos', '23456789173', 'maria.santos@email.com.br', null, 'Rio de Janeiro', 'RJ');
insert into demo_erp_customer values ('C0015', 'José Antônio Oliveira', '34567891228', 'jose.oliveira@email.com.br', null, 'Belo Horizonte', 'MG');
insert into demo_erp_customer values ('C0016', 'Ana Paula Ferreira', '45678912364', 'anapaula@email.com.br', null, 'Curitiba', 'PR');
insert into demo_erp_customer values ('C0017', 'Francisco Pereira Lima', '56789123482', 'francisco.lima@email.com.br', null, 'Salvador', 'BA');
insert into demo_erp_customer values ('C0018', 'Luciana Costa Ribeiro', '67891234582', 'luciana.ribeiro@email.com.br', null, 'Florianópolis', 'SC');

-- Customers only the ERP knows yet: quick registration finds and links them.
insert into demo_erp_customer values ('C0019', 'Distribuidora Norte Sul Ltda', '20191011000103', 'compras@nortesul.com.br', null, 'Manaus', 'AM');
insert into demo_erp_customer values ('C0020', 'Laticínios Serra Azul S.A.', '21222324000144', 'financeiro@serraazul.com.br', null, 'Juiz de Fora', 'MG');
insert into demo_erp_sales values ('C0019', 'ORDER', 'PV-5900', -3, 18450.00, 'Em aberto', null, true);
insert into demo_erp_receivable values ('C0019', 'NF-e 129001/1', -50, -20, 7200.00, 7200.00);

insert into demo_erp_product values ('P-1001', 'Cabo flexível 2,5 mm² (rolo 100 m)', 'RL', 289.90, true);
insert into demo_erp_product values ('P-1002', 'Disjuntor bipolar 32 A', 'UN', 64.50, true);
insert into demo_erp_product values ('P-1003', 'Quadro de distribuição 24 módulos', 'UN', 412.00, true);
insert into demo_erp_product values ('P-2001', 'Licença de software de gestão (anual)', 'UN', 4800.00, true);
insert into demo_erp_product values ('P-2002', 'Treinamento presencial (hora)', 'H', 180.00, true);
insert into demo_erp_product values ('P-3001', 'Manutenção preventiva (visita)', 'UN', 650.00, true);
insert into demo_erp_product values ('P-3002', 'Instalação de equipamento', 'UN', 1250.00, true);
insert into demo_erp_product values ('P-4001', 'Papel A4 75 g (caixa 10 resmas)', 'CX', 239.00, true);
insert into demo_erp_product values ('P-4002', 'Toner compatível HP 85A', 'UN', 119.90, true);
insert into demo_erp_product values ('P-5001', 'Câmera de segurança IP 4 MP', 'UN', 529.00, true);

insert into demo_erp_sales values ('C0001', 'ORDER', 'PV-5001', -40, 26175.83, 'Faturado', null, false);
insert into demo_erp_sales values ('C0001', 'INVOICE', 'NF-e 120001', -39, 26175.83, 'Autorizada', '35261111222333000181550010001200011064808940', false);
insert into demo_erp_receivable values ('C0001', 'NF-e 120001/1', -39, -9, 26175.83, 26175.83);
insert into demo_erp_sales values ('C0001', 'ORDER', 'PV-5002', -26, 24265.74, 'Em aberto', null, true);
insert into demo_erp_sales values ('C0001', 'ORDER', 'PV-5003', -131, 14370.04, 'Faturado', null, false);
insert into demo_erp_sales values ('C0001', 'INVOICE', 'NF-e 120002', -130, 14370.04, 'Autorizada', '35261111222333000181550010001200021115356420', false);
insert into demo_erp_sales values ('C0001', 'ORDER', 'PV-5004', -109, 4878.30, 'Faturado', null, false);
insert into demo_erp_sales values ('C0001', 'INVOICE', 'NF-e 120003', -108, 4878.30, 'Autorizada', '35261111222333000181550010001200031121752940', false);
insert into demo_erp_receivable values ('C0001', 'NF-e 120003/3', -108, -18, 1626.10, 1626.10);
insert into demo_erp_sales values ('C0002', 'ORDER', 'PV-5005', -163, 41419.74, 'Faturado', null, false);
insert into demo_erp_sales values ('C0002', 'INVOICE', 'NF-e 120004', -162, 41419.74, 'Autorizada', '35261122333444000181550010001200041083029830', false);
insert into demo_erp_sales values ('C0002', 'ORDER', 'PV-5006', -151, 26296.06, 'Faturado', null, false);
insert into demo_erp_sales values ('C0002', 'INVOICE', 'NF-e 120005', -150, 26296.06, 'Autorizada', '35261122333444000181550010001200051296731000', false);
insert into demo_erp_sales values ('C0002', 'ORDER', 'PV-5007', -144, 56560.17, 'Faturado', null, false);
insert into demo_erp_sales values ('C0002', 'INVOICE', 'NF-e 120006', -143, 56560.17, 'Autorizada', '35261122333444000181550010001200061388707000', false);
insert into demo_erp_sales values ('C0002', 'PROPOSAL', 'ORC-901', -8, 19207.00, 'Em análise', null, false);
insert into demo_erp_service values ('C0002', 'ORDER', 'OS-801', -144, 4914.00, 'Em execução', 'Manutenção preventiva do quadro elétrico');
insert into demo_erp_service values ('C0002', 'ORDER', 'OS-802', -147, 948.00, 'Em execução', 'Visita técnica');
insert into demo_erp_sales values ('C0003', 'ORDER', 'PV-5008', -146, 4206.79, 'Faturado', null, false);
insert into demo_erp_sales values ('C0003', 'INVOICE', 'NF-e 120007', -145, 4206.79, 'Autorizada', '35261133444555000181550010001200071276433100', false);
insert into demo_erp_sales values ('C0003', 'ORDER', 'PV-5009', -176, 35146.54, 'Faturado', null, false);
insert into demo_erp_sales values ('C0003', 'INVOICE', 'NF-e 120008', -175, 35146.54, 'Autorizada', '35261133444555000181550010001200081421641190', false);
insert into demo_erp_service values ('C0003', 'ORDER', 'OS-803', -93, 1622.00, 'Concluída', 'Instalação de câmeras');
insert into demo_erp_service values ('C0003', 'NFSE', 'NFS-e 3001', -91, 2149.00, 'Emitida', 'Instalação de câmeras');
insert into demo_erp_service values ('C0003', 'ORDER', 'OS-804', -21, 4205.00, 'Concluída', 'Treinamento da equipe');
insert into demo_erp_service values ('C0003', 'NFSE', 'NFS-e 3002', -19, 2963.00, 'Emitida', 'Treinamento da equipe');
insert into demo_erp_service values ('C0003', 'ORDER', 'OS-805', -115, 749.00, 'Concluída', 'Treinamento da equipe');
insert into demo_erp_service values ('C0003', 'NFSE', 'NFS-e 3003', -113, 1117.00, 'Emitida', 'Treinamento da equipe');
insert into demo_erp_sales values ('C0004', 'ORDER', 'PV-5010', -44, 49919.43, 'Faturado', null, false);
insert into demo_erp_sales values ('C0004', 'INVOICE', 'NF-e 120009', -43, 49919.43, 'Autorizada', '35261144555666000181550010001200091203990180', false);
insert into demo_erp_receivable values ('C0004', 'NF-e 120009/1', -43, -13, 24959.72, 24959.72);
insert into demo_erp_receivable values ('C0004', 'NF-e 120009/2', -43, 17, 24959.72, 24959.72);
insert into demo_erp_sales values ('C0004', 'ORDER', 'PV-5011', -21, 50406.71, 'Em aberto', null, true);
insert into demo_erp_sales values ('C0004', 'ORDER', 'PV-5012', -82, 22590.88, 'Faturado', null, false);
insert into demo_erp_sales values ('C0004', 'INVOICE', 'NF-e 120010', -81, 22590.88, 'Autorizada', '35261144555666000181550010001200101470001470', false);
insert into demo_erp_receivable values ('C0004', 'NF-e 120010/2', -81, -21, 7530.29, 7530.29);
insert into demo_erp_receivable values ('C0004', 'NF-e 120010/3', -81, 9, 7530.29, 7530.29);
insert into demo_erp_sales values ('C0004', 'ORDER', 'PV-5013', -19, 55348.11, 'Faturado', null, false);
insert into demo_erp_sales values ('C0004', 'INVOICE', 'NF-e 120011', -18, 55348.11, 'Autorizada', '35261144555666000181550010001200111636324010', false);
insert into demo_erp_receivable values ('C0004', 'NF-e 120011/1', -18, 12, 18449.37, 18449.37);
insert into demo_erp_receivable values ('C0004', 'NF-e 120011/3', -18, 72, 18449.37, 18449.37);
insert into demo_erp_sales values ('C0004', 'ORDER', 'PV-5014', -167, 38176.87, 'Faturado', null, false);
insert into demo_erp_sales values ('C0004', 'INVOICE', 'NF-e 120012', -166, 38176.87, 'Autorizada', '35261144555666000181550010001200121598128910', false);
insert into demo_erp_service values ('C0004', 'ORDER', 'OS-806', -6, 1526.00, 'Concluída', 'Visita técnica');
insert into demo_erp_service values ('C0004', 'NFSE', 'NFS-e 3004', -4, 1109.00, 'Emitida', 'Visita técnica');
insert into demo_erp_service values ('C0004', 'ORDER', 'OS-807', -127, 2504.00, 'Aberta', 'Instalação de câmeras');
insert into demo_erp_sales values ('C0005', 'ORDER', 'PV-5015', -191, 16527.50, 'Faturado', null, false);
insert into demo_erp_sales values ('C0005', 'INVOICE', 'NF-e 120013', -190, 16527.50, 'Autorizada', '35261155666777000181550010001200131524723800', false);
insert into demo_erp_sales values ('C0005', 'ORDER', 'PV-5016', -22, 11202.57, 'Em aberto', null, true);
insert into demo_erp_sales values ('C0005', 'ORDER', 'PV-5017', -73, 58193.17, 'Faturado', null, false);
insert into demo_erp_sales values ('C0005', 'INVOICE', 'NF-e 120014', -72, 58193.17, 'Autorizada', '35261155666777000181550010001200141577836370', false);
insert into demo_erp_receivable values ('C0005', 'NF-e 120014/3', -72, 18, 19397.72, 19397.72);
insert into demo_erp_sales values ('C0005', 'PROPOSAL', 'ORC-902', -57, 12966.00, 'Em análise', null, false);
insert into demo_erp_service values ('C0005', 'ORDER', 'OS-808', -39, 1389.00, 'Aberta', 'Instalação de câmeras');
insert into demo_erp_sales values ('C0006', 'ORDER', 'PV-5018', -170, 15591.01, 'Faturado', null, false);
insert into demo_erp_sales values ('C0006', 'INVOICE', 'NF-e 120015', -169, 15591.01, 'Autorizada', '35261166777888000181550010001200151650905950', false);
insert into demo_erp_sales values ('C0006', 'ORDER', 'PV-5019', -48, 17519.36, 'Faturado', null, false);
insert into demo_erp_sales values ('C0006', 'INVOICE', 'NF-e 120016', -47, 17519.36, 'Autorizada', '35261166777888000181550010001200161005494340', false);
insert into demo_erp_receivable values ('C0006', 'NF-e 120016/1', -47, -17, 17519.36, 17519.36);
insert into demo_erp_sales values ('C0006', 'ORDER', 'PV-5020', -96, 40264.72, 'Faturado', null, false);
insert into demo_erp_sales values ('C0006', 'INVOICE', 'NF-e 120017', -95, 40264.72, 'Autorizada', '35261166777888000181550010001200171427633350', false);
insert into demo_erp_sales values ('C0007', 'ORDER', 'PV-5021', -176, 52589.71, 'Faturado', null, false);
insert into demo_erp_sales values ('C0007', 'INVOICE', 'NF-e 120018', -175, 52589.71, 'Autorizada', '35261177888999000181550010001200181526642050', false);
insert into demo_erp_sales values ('C0007', 'ORDER', 'PV-5022', -104, 26129.13, 'Faturado', null, false);
insert into demo_erp_sales values ('C0007', 'INVOICE', 'NF-e 120019', -103, 26129.13, 'Autorizada', '35261177888999000181550010001200191646288980', false);
insert into demo_erp_receivable values ('C0007', 'NF-e 120019/3', -103, -13, 8709.71, 8709.71);
insert into demo_erp_sales values ('C0007', 'ORDER', 'PV-5023', -50, 4713.26, 'Faturado', null, false);
insert into demo_erp_sales values ('C0007', 'INVOICE', 'NF-e 120020', -49, 4713.26, 'Autorizada', '35261177888999000181550010001200201591399370', false);
insert into demo_erp_sales values ('C0007', 'ORDER', 'PV-5024', -155, 3745.13, 'Faturado', null, false);
insert into demo_erp_sales values ('C0007', 'INVOICE', 'NF-e 120021', -154, 3745.13, 'Autorizada', '35261177888999000181550010001200211000313100', false);
insert into demo_erp_sales values ('C0007', 'ORDER', 'PV-5025', -40, 35467.12, 'Faturado', null, false);
insert into demo_erp_sales values ('C0007', 'INVOICE', 'NF-e 120022', -39, 35467.12, 'Autorizada', '35261177888999000181550010001200221488028970', false);
insert into demo_erp_receivable values ('C0007', 'NF-e 120022/2', -39, 21, 11822.37, 11822.37);
insert into demo_erp_receivable values ('C0007', 'NF-e 120022/3', -39, 51, 11822.37, 11822.37);
insert into demo_erp_sales values ('C0007', 'PROPOSAL', 'ORC-903', -17, 11883.00, 'Em análise', null, false);
insert into demo_erp_service values ('C0007', 'ORDER', 'OS-809', -122, 4148.00, 'Aberta', 'Manutenção preventiva do quadro elétrico');
insert into demo_erp_service values ('C0007', 'ORDER', 'OS-810', -120, 2704.00, 'Concluída', 'Troca de disjuntores');
insert into demo_erp_service values ('C0007', 'NFSE', 'NFS-e 3005', -118, 853.00, 'Emitida', 'Troca de disjuntores');
insert into demo_erp_sales values ('C0008', 'ORDER', 'PV-5026', -28, 49430.43, 'Faturado', null, false);
insert into demo_erp_sales values ('C0008', 'INVOICE', 'NF-e 120023', -27, 49430.43, 'Autorizada', '35261188999000000198550010001200231642395490', false);
insert into demo_erp_receivable values ('C0008', 'NF-e 120023/3', -27, 63, 16476.81, 16476.81);
insert into demo_erp_sales values ('C0008', 'ORDER', 'PV-5027', -137, 24007.18, 'Faturado', null, false);
insert into demo_erp_sales values ('C0008', 'INVOICE', 'NF-e 120024', -136, 24007.18, 'Autorizada', '35261188999000000198550010001200241926193030', false);
insert into demo_erp_sales values ('C0008', 'ORDER', 'PV-5028', -8, 49985.67, 'Em aberto', null, true);
insert into demo_erp_sales values ('C0009', 'ORDER', 'PV-5029', -134, 24332.21, 'Faturado', null, false);
insert into demo_erp_sales values ('C0009', 'INVOICE', 'NF-e 120025', -133, 24332.21, 'Autorizada', '35261199000111000165550010001200251477407310', false);
insert into demo_erp_sales values ('C0009', 'ORDER', 'PV-5030', -138, 35792.99, 'Faturado', null, false);
insert into demo_erp_sales values ('C0009', 'INVOICE', 'NF-e 120026', -137, 35792.99, 'Autorizada', '35261199000111000165550010001200261674708520', false);
insert into demo_erp_sales values ('C0009', 'ORDER', 'PV-5031', -164, 14917.78, 'Faturado', null, false);
insert into demo_erp_sales values ('C0009', 'INVOICE', 'NF-e 120027', -163, 14917.78, 'Autorizada', '35261199000111000165550010001200271261920560', false);
insert into demo_erp_sales values ('C0009', 'ORDER', 'PV-5032', -104, 48788.29, 'Faturado', null, false);
insert into demo_erp_sales values ('C0009', 'INVOICE', 'NF-e 120028', -103, 48788.29, 'Autorizada', '35261199000111000165550010001200281268325370', false);
insert into demo_erp_receivable values ('C0009', 'NF-e 120028/3', -103, -13, 16262.76, 16262.76);
insert into demo_erp_sales values ('C0010', 'ORDER', 'PV-5033', -122, 17285.24, 'Faturado', null, false);
insert into demo_erp_sales values ('C0010', 'INVOICE', 'NF-e 120029', -121, 17285.24, 'Autorizada', '35261110111213000144550010001200291929487210', false);
insert into demo_erp_receivable values ('C0010', 'NF-e 120029/3', -121, -31, 5761.75, 5761.75);
insert into demo_erp_sales values ('C0010', 'ORDER', 'PV-5034', -116, 53290.92, 'Faturado', null, false);
insert into demo_erp_sales values ('C0010', 'INVOICE', 'NF-e 120030', -115, 53290.92, 'Autorizada', '35261110111213000144550010001200301469117340', false);
insert into demo_erp_sales values ('C0010', 'ORDER', 'PV-5035', -22, 14748.13, 'Em aberto', null, true);
insert into demo_erp_sales values ('C0010', 'ORDER', 'PV-5036', -52, 22433.26, 'Faturado', null, false);
insert into demo_erp_sales values ('C0010', 'INVOICE', 'NF-e 120031', -51, 22433.26, 'Autorizada', '35261110111213000144550010001200311647806290', false);
insert into demo_erp_receivable values ('C0010', 'NF-e 120031/1', -51, -21, 7477.75, 7477.75);
insert into demo_erp_receivable values ('C0010', 'NF-e 120031/2', -51, 9, 7477.75, 7477.75);
insert into demo_erp_service values ('C0010', 'ORDER', 'OS-811', -22, 1782.00, 'Aberta', 'Troca de disjuntores');
insert into demo_erp_service values ('C0010', 'ORDER', 'OS-812', -123, 2873.00, 'Em execução', 'Troca de disjuntores');
insert into demo_erp_sales values ('C0011', 'ORDER', 'PV-5037', -186, 26241.59, 'Faturado', null, false);
insert into demo_erp_sales values ('C0011', 'INVOICE', 'NF-e 120032', -185, 26241.59, 'Autorizada', '35261112131415000183550010001200321538732260', false);
insert into demo_erp_sales values ('C0011', 'ORDER', 'PV-5038', -23, 47800.20, 'Em aberto', null, true);
insert into demo_erp_sales values ('C0011', 'PROPOSAL', 'ORC-904', -10, 19859.00, 'Em análise', null, false);
insert into demo_erp_service values ('C0011', 'ORDER', 'OS-813', -38, 1427.00, 'Concluída', 'Visita técnica');
insert into demo_erp_service values ('C0011', 'NFSE', 'NFS-e 3006', -36, 4644.00, 'Emitida', 'Visita técnica');
insert into demo_erp_service values ('C0011', 'ORDER', 'OS-814', -141, 266.00, 'Em execução', 'Manutenção preventiva do quadro elétrico');
insert into demo_erp_service values ('C0011', 'ORDER', 'OS-815', -27, 1745.00, 'Em execução', 'Troca de disjuntores');
insert into demo_erp_sales values ('C0012', 'ORDER', 'PV-5039', -9, 16804.27, 'Em aberto', null, true);
insert into demo_erp_sales values ('C0012', 'ORDER', 'PV-5040', -63, 50348.75, 'Faturado', null, false);
insert into demo_erp_sales values ('C0012', 'INVOICE', 'NF-e 120033', -62, 50348.75, 'Autorizada', '35261113141516000106550010001200331437535440', false);
insert into demo_erp_receivable values ('C0012', 'NF-e 120033/1', -62, -32, 25174.38, 25174.38);
insert into demo_erp_receivable values ('C0012', 'NF-e 120033/2', -62, -2, 25174.38, 25174.38);
insert into demo_erp_sales values ('C0012', 'ORDER', 'PV-5041', -17, 59938.94, 'Em aberto', null, true);
insert into demo_erp_sales values ('C0012', 'PROPOSAL', 'ORC-905', -38, 17433.00, 'Em análise', null, false);
insert into demo_erp_service values ('C0012', 'ORDER', 'OS-816', -129, 1393.00, 'Em execução', 'Treinamento da equipe');
insert into demo_erp_service values ('C0012', 'ORDER', 'OS-817', -135, 1650.00, 'Aberta', 'Troca de disjuntores');
insert into demo_erp_service values ('C0012', 'ORDER', 'OS-818', -2, 1309.00, 'Em execução', 'Instalação de câmeras');
insert into demo_erp_sales values ('C0013', 'ORDER', 'PV-5042', -160, 47826.15, 'Faturado', null, false);
insert into demo_erp_sales values ('C0013', 'INVOICE', 'NF-e 120034', -159, 47826.15, 'Autorizada', '35261100012345678909550010001200341746888940', false);
insert into demo_erp_sales values ('C0013', 'ORDER', 'PV-5043', -85, 45017.66, 'Faturado', null, false);
insert into demo_erp_sales values ('C0013', 'INVOICE', 'NF-e 120035', -84, 45017.66, 'Autorizada', '35261100012345678909550010001200351712328850', false);
insert into demo_erp_receivable values ('C0013', 'NF-e 120035/2', -84, -24, 15005.89, 15005.89);
insert into demo_erp_receivable values ('C0013', 'NF-e 120035/3', -84, 6, 15005.89, 15005.89);
insert into demo_erp_sales values ('C0013', 'ORDER', 'PV-5044', -145, 4023.31, 'Faturado', null, false);
insert into demo_erp_sales values ('C0013', 'INVOICE', 'NF-e 120036', -144, 4023.31, 'Autorizada', '35261100012345678909550010001200361256766740', false);
insert into demo_erp_sales values ('C0013', 'ORDER', 'PV-5045', -12, 50910.12, 'Em aberto', null, true);
insert into demo_erp_sales values ('C0013', 'ORDER', 'PV-5046', -145, 2126.97, 'Faturado', null, false);
insert into demo_erp_sales values ('C0013', 'INVOICE', 'NF-e 120037', -144, 2126.97, 'Autorizada', '35261100012345678909550010001200371085052210', false);
insert into demo_erp_sales values ('C0013', 'PROPOSAL', 'ORC-906', -33, 17282.00, 'Em análise', null, false);
insert into demo_erp_service values ('C0013', 'ORDER', 'OS-819', -71, 4518.00, 'Concluída', 'Treinamento da equipe');
insert into demo_erp_service values ('C0013', 'NFSE', 'NFS-e 3007', -69, 4066.00, 'Emitida', 'Treinamento da equipe');
insert into demo_erp_sales values ('C0014', 'ORDER', 'PV-5047', -180, 34589.33, 'Faturado', null, false);
insert into demo_erp_sales values ('C0014', 'INVOICE', 'NF-e 120038', -179, 34589.33, 'Autorizada', '35261100023456789173550010001200381750966710', false);
insert into demo_erp_sales values ('C0014', 'ORDER', 'PV-5048', -116, 9287.53, 'Faturado', null, false);
insert into demo_erp_sales values ('C0014', 'INVOICE', 'NF-e 120039', -115, 9287.53, 'Autorizada', '35261100023456789173550010001200391163238220', false);
insert into demo_erp_sales values ('C0014', 'ORDER', 'PV-5049', -115, 21008.09, 'Faturado', null, false);
insert into demo_erp_sales values ('C0014', 'INVOICE', 'NF-e 120040', -114, 21008.09, 'Autorizada', '35261100023456789173550010001200401900809590', false);
insert into demo_erp_sales values ('C0014', 'PROPOSAL', 'ORC-907', -14, 10421.00, 'Em análise', null, false);
insert into demo_erp_sales values ('C0015', 'ORDER', 'PV-5050', -185, 42469.84, 'Faturado', null, false);
insert into demo_erp_sales values ('C0015', 'INVOICE', 'NF-e 120041', -184, 42469.84, 'Autorizada', '35261100034567891228550010001200411491482890', false);
insert into demo_erp_sales values ('C0015', 'ORDER', 'PV-5051', -66, 58157.17, 'Faturado', null, false);
insert into demo_erp_sales values ('C0015', 'INVOICE', 'NF-e 120042', -65, 58157.17, 'Autorizada', '35261100034567891228550010001200421627784400', false);
insert into demo_erp_receivable values ('C0015', 'NF-e 120042/1', -65, -35, 58157.17, 58157.17);
insert into demo_erp_sales values ('C0015', 'ORDER', 'PV-5052', -26, 26400.62, 'Em aberto', null, true);
insert into demo_erp_service values ('C0015', 'ORDER', 'OS-820', -42, 3458.00, 'Concluída', 'Treinamento da equipe');
insert into demo_erp_service values ('C0015', 'NFSE', 'NFS-e 3008', -40, 2928.00, 'Emitida', 'Treinamento da equipe');
insert into demo_erp_sales values ('C0016', 'ORDER', 'PV-5053', -52, 23671.40, 'Faturado', null, false);
insert into demo_erp_sales values ('C0016', 'INVOICE', 'NF-e 120043', -51, 23671.40, 'Autorizada', '35261100045678912364550010001200431123740720', false);
insert into demo_erp_receivable values ('C0016', 'NF-e 120043/1', -51, -21, 7890.47, 7890.47);
insert into demo_erp_receivable values ('C0016', 'NF-e 120043/2', -51, 9, 7890.47, 7890.47);
insert into demo_erp_receivable values ('C0016', 'NF-e 120043/3', -51, 39, 7890.47, 7890.47);
insert into demo_erp_sales values ('C0016', 'ORDER', 'PV-5054', -182, 1485.49, 'Faturado', null, false);
insert into demo_erp_sales values ('C0016', 'INVOICE', 'NF-e 120044', -181, 1485.49, 'Autorizada', '35261100045678912364550010001200441444928930', false);
insert into demo_erp_sales values ('C0016', 'ORDER', 'PV-5055', -161, 19662.65, 'Faturado', null, false);
insert into demo_erp_sales values ('C0016', 'INVOICE', 'NF-e 120045', -160, 19662.65, 'Autorizada', '35261100045678912364550010001200451086289640', false);
insert into demo_erp_sales values ('C0016', 'ORDER', 'PV-5056', -60, 57735.13, 'Faturado', null, false);
insert into demo_erp_sales values ('C0016', 'INVOICE', 'NF-e 120046', -59, 57735.13, 'Autorizada', '35261100045678912364550010001200461112825120', false);
insert into demo_erp_receivable values ('C0016', 'NF-e 120046/2', -59, 1, 28867.56, 28867.56);
insert into demo_erp_sales values ('C0016', 'ORDER', 'PV-5057', -48, 18023.96, 'Faturado', null, false);
insert into demo_erp_sales values ('C0016', 'INVOICE', 'NF-e 120047', -47, 18023.96, 'Autorizada', '35261100045678912364550010001200471173886520', false);
insert into demo_erp_receivable values ('C0016', 'NF-e 120047/1', -47, -17, 9011.98, 9011.98);
insert into demo_erp_receivable values ('C0016', 'NF-e 120047/2', -47, 13, 9011.98, 9011.98);
insert into demo_erp_service values ('C0016', 'ORDER', 'OS-821', -39, 882.00, 'Concluída', 'Visita técnica');
insert into demo_erp_service values ('C0016', 'NFSE', 'NFS-e 3009', -37, 2436.00, 'Emitida', 'Visita técnica');
insert into demo_erp_service values ('C0016', 'ORDER', 'OS-822', -15, 743.00, 'Em execução', 'Troca de disjuntores');
insert into demo_erp_service values ('C0016', 'ORDER', 'OS-823', -69, 2284.00, 'Aberta', 'Manutenção preventiva do quadro elétrico');
insert into demo_erp_sales values ('C0017', 'ORDER', 'PV-5058', -157, 56413.28, 'Faturado', null, false);
insert into demo_erp_sales values ('C0017', 'INVOICE', 'NF-e 120048', -156, 56413.28, 'Autorizada', '35261100056789123482550010001200481089419250', false);
insert into demo_erp_sales values ('C0017', 'ORDER', 'PV-5059', -33, 30038.01, 'Faturado', null, false);
insert into demo_erp_sales values ('C0017', 'INVOICE', 'NF-e 120049', -32, 30038.01, 'Autorizada', '35261100056789123482550010001200491455201800', false);
insert into demo_erp_receivable values ('C0017', 'NF-e 120049/1', -32, -2, 10012.67, 10012.67);
insert into demo_erp_receivable values ('C0017', 'NF-e 120049/2', -32, 28, 10012.67, 10012.67);
insert into demo_erp_receivable values ('C0017', 'NF-e 120049/3', -32, 58, 10012.67, 10012.67);
insert into demo_erp_sales values ('C0017', 'PROPOSAL', 'ORC-908', -46, 8313.00, 'Em análise', null, false);
insert into demo_erp_sales values ('C0018', 'ORDER', 'PV-5060', -69, 3601.23, 'Faturado', null, false);
insert into demo_erp_sales values ('C0018', 'INVOICE', 'NF-e 120050', -68, 3601.23, 'Autorizada', '35261100067891234582550010001200501270808750', false);
insert into demo_erp_receivable values ('C0018', 'NF-e 120050/1', -68, -38, 1800.62, 1800.62);
insert into demo_erp_receivable values ('C0018', 'NF-e 120050/2', -68, -8, 1800.62, 1800.62);
insert into demo_erp_sales values ('C0018', 'ORDER', 'PV-5061', -54, 19302.57, 'Faturado', null, false);
insert into demo_erp_sales values ('C0018', 'INVOICE', 'NF-e 120051', -53, 19302.57, 'Autorizada', '35261100067891234582550010001200511671207550', false);
insert into demo_erp_receivable values ('C0018', 'NF-e 120051/2', -53, 7, 6434.19, 6434.19);
insert into demo_erp_sales values ('C0018', 'ORDER', 'PV-5062', -66, 2721.01, 'Faturado', null, false);
insert into demo_erp_sales values ('C0018', 'INVOICE', 'NF-e 120052', -65, 2721.01, 'Autorizada', '35261100067891234582550010001200521024741550', false);
insert into demo_erp_receivable values ('C0018', 'NF-e 120052/1', -65, -35, 907.00, 907.00);
insert into demo_erp_receivable values ('C0018', 'NF-e 120052/2', -65, -5, 907.00, 907.00);
insert into demo_erp_receivable values ('C0018', 'NF-e 120052/3', -65, 25, 907.00, 907.00);
insert into demo_erp_sales values ('C0018', 'PROPOSAL', 'ORC-909', -29, 3982.00, 'Em análise', null, false);
insert into demo_erp_service values ('C0018', 'ORDER', 'OS-824', -127, 2671.00, 'Concluída', 'Treinamento da equipe');
insert into demo_erp_service values ('C0018', 'NFSE', 'NFS-e 3010', -125, 1912.00, 'Emitida', 'Treinamento da equipe');
insert into demo_erp_service values ('C0018', 'ORDER', 'OS-825', -59, 1294.00, 'Concluída', 'Instalação de câmeras');
insert into demo_erp_service values ('C0018', 'NFSE', 'NFS-e 3011', -57, 3465.00, 'Emitida', 'Instalação de câmeras');
insert into demo_erp_service values ('C0018', 'ORDER', 'OS-826', -89, 266.00, 'Aberta', 'Instalação de câmeras');

-- The views of the contract (README, "ERP integration"), over the demo tables.
create view erp_customer as
select code, name, tax_id, email, phone, city, state from demo_erp_customer;

create view erp_sales_document as
select customer_code, kind, number, cast(current_date + day_offset * interval '1' day as date) as issued_on, amount,
       status, nfe_key, open_order as open
from demo_erp_sales
union all
select coalesce(r.customer_code, c.code), 'ORDER', 'PV-CRM-' || r.proposal_number,
       cast(r.requested_at as date), r.total, 'Recebido do CRM', null, true
from erp_sales_order_in r left join demo_erp_customer c on c.tax_id = r.customer_tax_id;

create view erp_receivable as
select customer_code, document, cast(current_date + issue_offset * interval '1' day as date) as issued_on,
       cast(current_date + due_offset * interval '1' day as date) as due_on, amount, balance
from demo_erp_receivable;

create view erp_service_document as
select customer_code, kind, number, cast(current_date + day_offset * interval '1' day as date) as issued_on, amount,
       status, description
from demo_erp_service;

create view erp_product as
select code, description, unit, price, active from demo_erp_product;
