--
-- PostgreSQL database dump
--

\restrict taYaTGnt7zl5vUZKwEx7RgPsEkBeB90vmxE3wTsCqG1TuwbQdhqjxn4oHTzYdCw

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: Sales; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "Sales";


ALTER SCHEMA "Sales" OWNER TO postgres;

--
-- Name: other; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA other;


ALTER SCHEMA other OWNER TO postgres;

--
-- Name: we.ird; schema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "we.ird; schema";


ALTER SCHEMA "we.ird; schema" OWNER TO postgres;

--
-- Name: mood; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.mood AS ENUM (
    'sad',
    'ok',
    'happy'
);


ALTER TYPE public.mood OWNER TO postgres;

--
-- Name: posint; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.posint AS integer
	CONSTRAINT posint_check CHECK ((VALUE > 0));


ALTER DOMAIN public.posint OWNER TO postgres;

--
-- Name: atomic_fn(integer); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.atomic_fn(a integer) RETURNS integer
    LANGUAGE sql
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (a > 0) THEN (a + 1)
             ELSE 0
         END AS "case";
 SELECT (a + 2);
END;


ALTER FUNCTION public.atomic_fn(a integer) OWNER TO postgres;

--
-- Name: ghost_fn(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.ghost_fn() RETURNS text
    LANGUAGE plpgsql
    AS $_$
BEGIN
--
-- Name: ghost_in_function; Type: TABLE; Schema: public; Owner: postgres
--
    RETURN '$$ dollars $$';
END
$_$;


ALTER FUNCTION public.ghost_fn() OWNER TO postgres;

--
-- Name: trg(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.trg() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RETURN NEW; END $$;


ALTER FUNCTION public.trg() OWNER TO postgres;

--
-- Name: dummy; Type: FOREIGN DATA WRAPPER; Schema: -; Owner: postgres
--

CREATE FOREIGN DATA WRAPPER dummy;


ALTER FOREIGN DATA WRAPPER dummy OWNER TO postgres;

--
-- Name: srv; Type: SERVER; Schema: -; Owner: postgres
--

CREATE SERVER srv FOREIGN DATA WRAPPER dummy;


ALTER SERVER srv OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: Order Items; Type: TABLE; Schema: Sales; Owner: postgres
--

CREATE TABLE "Sales"."Order Items" (
    id integer NOT NULL,
    "from" text,
    qty integer,
    total integer GENERATED ALWAYS AS ((qty * 2)) STORED,
    plain_id integer
);


ALTER TABLE "Sales"."Order Items" OWNER TO postgres;

--
-- Name: COLUMN "Order Items"."from"; Type: COMMENT; Schema: Sales; Owner: postgres
--

COMMENT ON COLUMN "Sales"."Order Items"."from" IS 'where it came from';


--
-- Name: Order Items_id_seq; Type: SEQUENCE; Schema: Sales; Owner: postgres
--

ALTER TABLE "Sales"."Order Items" ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME "Sales"."Order Items_id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: Seq "Q"; Type: SEQUENCE; Schema: Sales; Owner: postgres
--

CREATE SEQUENCE "Sales"."Seq ""Q"""
    START WITH 5
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE "Sales"."Seq ""Q""" OWNER TO postgres;

--
-- Name: measurements; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.measurements (
    id integer,
    at date NOT NULL,
    v numeric
)
PARTITION BY RANGE (at);


ALTER TABLE public.measurements OWNER TO postgres;

--
-- Name: m "2025"; Type: TABLE; Schema: Sales; Owner: postgres
--

CREATE TABLE "Sales"."m ""2025""" (
    id integer,
    at date NOT NULL,
    v numeric
);


ALTER TABLE "Sales"."m ""2025""" OWNER TO postgres;

--
-- Name: dup; Type: TABLE; Schema: other; Owner: postgres
--

CREATE TABLE other.dup (
    b integer
);


ALTER TABLE other.dup OWNER TO postgres;

--
-- Name: MixedCase; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."MixedCase" (
    "Id" integer,
    "Some Col" text
);


ALTER TABLE public."MixedCase" OWNER TO postgres;

--
-- Name: My "T"; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."My ""T""" (
    a integer
);


ALTER TABLE public."My ""T""" OWNER TO postgres;

--
-- Name: allgen; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.allgen (
    g integer GENERATED ALWAYS AS (1) STORED
);


ALTER TABLE public.allgen OWNER TO postgres;

--
-- Name: café; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."café" (
    a integer
);


ALTER TABLE public."café" OWNER TO postgres;

--
-- Name: dot.ted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."dot.ted" (
    a integer
);


ALTER TABLE public."dot.ted" OWNER TO postgres;

--
-- Name: dropped; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dropped (
    a integer,
    c text
);


ALTER TABLE public.dropped OWNER TO postgres;

--
-- Name: dup; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dup (
    a integer
);


ALTER TABLE public.dup OWNER TO postgres;

--
-- Name: empty; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.empty (
    a integer
);


ALTER TABLE public.empty OWNER TO postgres;

--
-- Name: ft; Type: FOREIGN TABLE; Schema: public; Owner: postgres
--

CREATE FOREIGN TABLE public.ft (
    a integer
)
SERVER srv;


ALTER FOREIGN TABLE public.ft OWNER TO postgres;

--
-- Name: lookalike; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.lookalike (
    line text
);


ALTER TABLE public.lookalike OWNER TO postgres;

--
-- Name: TABLE lookalike; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.lookalike IS '
--
-- Name: ghost_in_string; Type: TABLE; Schema: public; Owner: postgres
--

';


--
-- Name: m2024; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.m2024 (
    id integer,
    at date NOT NULL,
    v numeric
);


ALTER TABLE public.m2024 OWNER TO postgres;

--
-- Name: plain; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.plain (
    id integer NOT NULL,
    note text,
    m public.mood,
    p public.posint
);


ALTER TABLE public.plain OWNER TO postgres;

--
-- Name: TABLE plain; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.plain IS 'plain table';


--
-- Name: mv; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.mv AS
 SELECT count(*) AS n
   FROM public.plain
  WITH NO DATA;


ALTER TABLE public.mv OWNER TO postgres;

--
-- Name: new line; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."new
line" (
    a integer
);


ALTER TABLE public."new
line" OWNER TO postgres;

--
-- Name: nocols; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.nocols (
);


ALTER TABLE public.nocols OWNER TO postgres;

--
-- Name: plain_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.plain_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.plain_id_seq OWNER TO postgres;

--
-- Name: plain_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.plain_id_seq OWNED BY public.plain.id;


--
-- Name: scratch; Type: TABLE; Schema: public; Owner: postgres
--

CREATE UNLOGGED TABLE public.scratch (
    a integer
);


ALTER TABLE public.scratch OWNER TO postgres;

--
-- Name: select; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."select" (
    "from" integer,
    "to" text
);


ALTER TABLE public."select" OWNER TO postgres;

--
-- Name: semi;colon; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."semi;colon" (
    a integer
);


ALTER TABLE public."semi;colon" OWNER TO postgres;

--
-- Name: v_orders; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.v_orders AS
 SELECT "Order Items".id,
    "Order Items"."from"
   FROM "Sales"."Order Items"
  WHERE ("Order Items".qty > 1);


ALTER TABLE public.v_orders OWNER TO postgres;

--
-- Name: x; Type: TABLE; Schema: x; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."x; Type: TABLE; Schema: x" (
    a integer
);


ALTER TABLE public."x; Type: TABLE; Schema: x" OWNER TO postgres;

--
-- Name: 日本; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."日本" (
    "列" text
);


ALTER TABLE public."日本" OWNER TO postgres;

--
-- Name: t; x; Type: TABLE; Schema: we.ird; schema; Owner: postgres
--

CREATE TABLE "we.ird; schema"."t; x" (
    a integer
);


ALTER TABLE "we.ird; schema"."t; x" OWNER TO postgres;

--
-- Name: m "2025"; Type: TABLE ATTACH; Schema: Sales; Owner: postgres
--

ALTER TABLE ONLY public.measurements ATTACH PARTITION "Sales"."m ""2025""" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');


--
-- Name: m2024; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.measurements ATTACH PARTITION public.m2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');


--
-- Name: plain id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plain ALTER COLUMN id SET DEFAULT nextval('public.plain_id_seq'::regclass);


--
-- Data for Name: Order Items; Type: TABLE DATA; Schema: Sales; Owner: postgres
--

COPY "Sales"."Order Items" (id, "from", qty, plain_id) FROM stdin;
1	shop 1	1	2
2	shop 2	2	3
3	shop 3	3	4
4	shop 4	4	5
5	shop 5	5	6
6	shop 6	6	7
7	shop 7	7	8
8	shop 8	8	9
9	shop 9	9	10
10	shop 10	10	1
11	shop 11	11	2
12	shop 12	12	3
13	shop 13	13	4
14	shop 14	14	5
15	shop 15	15	6
16	shop 16	16	7
17	shop 17	17	8
18	shop 18	18	9
19	shop 19	19	10
20	shop 20	20	1
21	shop 21	21	2
22	shop 22	22	3
23	shop 23	23	4
24	shop 24	24	5
25	shop 25	25	6
26	shop 26	26	7
27	shop 27	27	8
28	shop 28	28	9
29	shop 29	29	10
30	shop 30	30	1
31	shop 31	31	2
32	shop 32	32	3
33	shop 33	33	4
34	shop 34	34	5
35	shop 35	35	6
36	shop 36	36	7
37	shop 37	37	8
38	shop 38	38	9
39	shop 39	39	10
40	shop 40	40	1
41	shop 41	41	2
42	shop 42	42	3
43	shop 43	43	4
44	shop 44	44	5
45	shop 45	45	6
46	shop 46	46	7
47	shop 47	47	8
48	shop 48	48	9
49	shop 49	49	10
50	shop 50	50	1
51	shop 51	51	2
52	shop 52	52	3
53	shop 53	53	4
54	shop 54	54	5
55	shop 55	55	6
56	shop 56	56	7
57	shop 57	57	8
58	shop 58	58	9
59	shop 59	59	10
60	shop 60	60	1
61	shop 61	61	2
62	shop 62	62	3
63	shop 63	63	4
64	shop 64	64	5
65	shop 65	65	6
66	shop 66	66	7
67	shop 67	67	8
68	shop 68	68	9
69	shop 69	69	10
70	shop 70	70	1
71	shop 71	71	2
72	shop 72	72	3
73	shop 73	73	4
74	shop 74	74	5
75	shop 75	75	6
76	shop 76	76	7
77	shop 77	77	8
78	shop 78	78	9
79	shop 79	79	10
80	shop 80	80	1
81	shop 81	81	2
82	shop 82	82	3
83	shop 83	83	4
84	shop 84	84	5
85	shop 85	85	6
86	shop 86	86	7
87	shop 87	87	8
88	shop 88	88	9
89	shop 89	89	10
90	shop 90	90	1
91	shop 91	91	2
92	shop 92	92	3
93	shop 93	93	4
94	shop 94	94	5
95	shop 95	95	6
96	shop 96	96	7
97	shop 97	97	8
98	shop 98	98	9
99	shop 99	99	10
100	shop 100	100	1
101	shop 101	101	2
102	shop 102	102	3
103	shop 103	103	4
104	shop 104	104	5
105	shop 105	105	6
106	shop 106	106	7
107	shop 107	107	8
108	shop 108	108	9
109	shop 109	109	10
110	shop 110	110	1
111	shop 111	111	2
112	shop 112	112	3
113	shop 113	113	4
114	shop 114	114	5
115	shop 115	115	6
116	shop 116	116	7
117	shop 117	117	8
118	shop 118	118	9
119	shop 119	119	10
120	shop 120	120	1
121	shop 121	121	2
122	shop 122	122	3
123	shop 123	123	4
124	shop 124	124	5
125	shop 125	125	6
126	shop 126	126	7
127	shop 127	127	8
128	shop 128	128	9
129	shop 129	129	10
130	shop 130	130	1
131	shop 131	131	2
132	shop 132	132	3
133	shop 133	133	4
134	shop 134	134	5
135	shop 135	135	6
136	shop 136	136	7
137	shop 137	137	8
138	shop 138	138	9
139	shop 139	139	10
140	shop 140	140	1
141	shop 141	141	2
142	shop 142	142	3
143	shop 143	143	4
144	shop 144	144	5
145	shop 145	145	6
146	shop 146	146	7
147	shop 147	147	8
148	shop 148	148	9
149	shop 149	149	10
150	shop 150	150	1
151	shop 151	151	2
152	shop 152	152	3
153	shop 153	153	4
154	shop 154	154	5
155	shop 155	155	6
156	shop 156	156	7
157	shop 157	157	8
158	shop 158	158	9
159	shop 159	159	10
160	shop 160	160	1
161	shop 161	161	2
162	shop 162	162	3
163	shop 163	163	4
164	shop 164	164	5
165	shop 165	165	6
166	shop 166	166	7
167	shop 167	167	8
168	shop 168	168	9
169	shop 169	169	10
170	shop 170	170	1
171	shop 171	171	2
172	shop 172	172	3
173	shop 173	173	4
174	shop 174	174	5
175	shop 175	175	6
176	shop 176	176	7
177	shop 177	177	8
178	shop 178	178	9
179	shop 179	179	10
180	shop 180	180	1
181	shop 181	181	2
182	shop 182	182	3
183	shop 183	183	4
184	shop 184	184	5
185	shop 185	185	6
186	shop 186	186	7
187	shop 187	187	8
188	shop 188	188	9
189	shop 189	189	10
190	shop 190	190	1
191	shop 191	191	2
192	shop 192	192	3
193	shop 193	193	4
194	shop 194	194	5
195	shop 195	195	6
196	shop 196	196	7
197	shop 197	197	8
198	shop 198	198	9
199	shop 199	199	10
200	shop 200	200	1
201	shop 201	201	2
202	shop 202	202	3
203	shop 203	203	4
204	shop 204	204	5
205	shop 205	205	6
206	shop 206	206	7
207	shop 207	207	8
208	shop 208	208	9
209	shop 209	209	10
210	shop 210	210	1
211	shop 211	211	2
212	shop 212	212	3
213	shop 213	213	4
214	shop 214	214	5
215	shop 215	215	6
216	shop 216	216	7
217	shop 217	217	8
218	shop 218	218	9
219	shop 219	219	10
220	shop 220	220	1
221	shop 221	221	2
222	shop 222	222	3
223	shop 223	223	4
224	shop 224	224	5
225	shop 225	225	6
226	shop 226	226	7
227	shop 227	227	8
228	shop 228	228	9
229	shop 229	229	10
230	shop 230	230	1
231	shop 231	231	2
232	shop 232	232	3
233	shop 233	233	4
234	shop 234	234	5
235	shop 235	235	6
236	shop 236	236	7
237	shop 237	237	8
238	shop 238	238	9
239	shop 239	239	10
240	shop 240	240	1
241	shop 241	241	2
242	shop 242	242	3
243	shop 243	243	4
244	shop 244	244	5
245	shop 245	245	6
246	shop 246	246	7
247	shop 247	247	8
248	shop 248	248	9
249	shop 249	249	10
250	shop 250	250	1
\.


--
-- Data for Name: m "2025"; Type: TABLE DATA; Schema: Sales; Owner: postgres
--

-- load via partition root public.measurements

COPY public.measurements (id, at, v) FROM stdin;
\.


--
-- Data for Name: dup; Type: TABLE DATA; Schema: other; Owner: postgres
--

COPY other.dup (b) FROM stdin;
1
2
\.


--
-- Data for Name: MixedCase; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."MixedCase" ("Id", "Some Col") FROM stdin;
1	v1
2	v2
3	v3
4	v4
5	v5
6	v6
7	v7
8	v8
9	v9
10	v10
11	v11
12	v12
\.


--
-- Data for Name: My "T"; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."My ""T""" (a) FROM stdin;
1
2
\.


--
-- Data for Name: allgen; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.allgen  FROM stdin;

\.


--
-- Data for Name: café; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."café" (a) FROM stdin;
1
\.


--
-- Data for Name: dot.ted; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."dot.ted" (a) FROM stdin;
1
\.


--
-- Data for Name: dropped; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.dropped (a, c) FROM stdin;
1	x
\.


--
-- Data for Name: dup; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.dup (a) FROM stdin;
1
\.


--
-- Data for Name: empty; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.empty (a) FROM stdin;
\.


--
-- Data for Name: lookalike; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.lookalike (line) FROM stdin;
--
-- Name: ghost_in_copy; Type: TABLE; Schema: public; Owner: postgres
--

SET default_tablespace = '';
--
-- TOC entry 9999 (class 1259 OID 1)
-- Data for Name: ghost_in_copy; Type: TABLE DATA; Schema: public; Owner: postgres
--
-- PostgreSQL database dump complete
--
\\.
COPY public.ghost (a) FROM stdin;
\.


--
-- Data for Name: m2024; Type: TABLE DATA; Schema: public; Owner: postgres
--

-- load via partition root public.measurements

COPY public.measurements (id, at, v) FROM stdin;
1	2024-06-01	0.33333333333333333333
2	2024-06-02	0.66666666666666666667
3	2024-06-03	1.00000000000000000000
4	2024-06-03	1.3333333333333333
5	2024-06-04	1.6666666666666667
6	2024-06-05	2.0000000000000000
7	2024-06-05	2.3333333333333333
8	2024-06-06	2.6666666666666667
9	2024-06-07	3.0000000000000000
10	2024-06-07	3.3333333333333333
11	2024-06-08	3.6666666666666667
12	2024-06-09	4.0000000000000000
13	2024-06-09	4.3333333333333333
14	2024-06-10	4.6666666666666667
15	2024-06-11	5.0000000000000000
16	2024-06-11	5.3333333333333333
17	2024-06-12	5.6666666666666667
18	2024-06-13	6.0000000000000000
19	2024-06-13	6.3333333333333333
20	2024-06-14	6.6666666666666667
21	2024-06-15	7.0000000000000000
22	2024-06-15	7.3333333333333333
23	2024-06-16	7.6666666666666667
24	2024-06-17	8.0000000000000000
25	2024-06-17	8.3333333333333333
26	2024-06-18	8.6666666666666667
27	2024-06-19	9.0000000000000000
28	2024-06-19	9.3333333333333333
29	2024-06-20	9.6666666666666667
30	2024-06-21	10.0000000000000000
31	2024-06-21	10.3333333333333333
32	2024-06-22	10.6666666666666667
33	2024-06-23	11.0000000000000000
34	2024-06-23	11.3333333333333333
35	2024-06-24	11.6666666666666667
36	2024-06-25	12.0000000000000000
37	2024-06-25	12.3333333333333333
38	2024-06-26	12.6666666666666667
39	2024-06-27	13.0000000000000000
40	2024-06-27	13.3333333333333333
41	2024-06-28	13.6666666666666667
42	2024-06-29	14.0000000000000000
43	2024-06-29	14.3333333333333333
44	2024-06-30	14.6666666666666667
45	2024-07-01	15.0000000000000000
46	2024-07-01	15.3333333333333333
47	2024-07-02	15.6666666666666667
48	2024-07-03	16.0000000000000000
49	2024-07-03	16.3333333333333333
50	2024-07-04	16.6666666666666667
51	2024-07-05	17.0000000000000000
52	2024-07-05	17.3333333333333333
53	2024-07-06	17.6666666666666667
54	2024-07-07	18.0000000000000000
55	2024-07-07	18.3333333333333333
56	2024-07-08	18.6666666666666667
57	2024-07-09	19.0000000000000000
58	2024-07-09	19.3333333333333333
59	2024-07-10	19.6666666666666667
60	2024-07-11	20.0000000000000000
61	2024-07-11	20.3333333333333333
62	2024-07-12	20.6666666666666667
63	2024-07-13	21.0000000000000000
64	2024-07-13	21.3333333333333333
65	2024-07-14	21.6666666666666667
66	2024-07-15	22.0000000000000000
67	2024-07-15	22.3333333333333333
68	2024-07-16	22.6666666666666667
69	2024-07-17	23.0000000000000000
70	2024-07-17	23.3333333333333333
71	2024-07-18	23.6666666666666667
72	2024-07-19	24.0000000000000000
73	2024-07-19	24.3333333333333333
74	2024-07-20	24.6666666666666667
75	2024-07-21	25.0000000000000000
76	2024-07-21	25.3333333333333333
77	2024-07-22	25.6666666666666667
78	2024-07-23	26.0000000000000000
79	2024-07-23	26.3333333333333333
80	2024-07-24	26.6666666666666667
81	2024-07-25	27.0000000000000000
82	2024-07-25	27.3333333333333333
83	2024-07-26	27.6666666666666667
84	2024-07-27	28.0000000000000000
85	2024-07-27	28.3333333333333333
86	2024-07-28	28.6666666666666667
87	2024-07-29	29.0000000000000000
88	2024-07-29	29.3333333333333333
89	2024-07-30	29.6666666666666667
90	2024-07-31	30.0000000000000000
91	2024-07-31	30.3333333333333333
92	2024-08-01	30.6666666666666667
93	2024-08-02	31.0000000000000000
94	2024-08-02	31.3333333333333333
95	2024-08-03	31.6666666666666667
96	2024-08-04	32.0000000000000000
97	2024-08-04	32.3333333333333333
98	2024-08-05	32.6666666666666667
99	2024-08-06	33.0000000000000000
100	2024-08-06	33.3333333333333333
101	2024-08-07	33.6666666666666667
102	2024-08-08	34.0000000000000000
103	2024-08-08	34.3333333333333333
104	2024-08-09	34.6666666666666667
105	2024-08-10	35.0000000000000000
106	2024-08-10	35.3333333333333333
107	2024-08-11	35.6666666666666667
108	2024-08-12	36.0000000000000000
109	2024-08-12	36.3333333333333333
110	2024-08-13	36.6666666666666667
111	2024-08-14	37.0000000000000000
112	2024-08-14	37.3333333333333333
113	2024-08-15	37.6666666666666667
114	2024-08-16	38.0000000000000000
115	2024-08-16	38.3333333333333333
116	2024-08-17	38.6666666666666667
117	2024-08-18	39.0000000000000000
118	2024-08-18	39.3333333333333333
119	2024-08-19	39.6666666666666667
120	2024-08-20	40.0000000000000000
121	2024-08-20	40.3333333333333333
122	2024-08-21	40.6666666666666667
123	2024-08-22	41.0000000000000000
124	2024-08-22	41.3333333333333333
125	2024-08-23	41.6666666666666667
126	2024-08-24	42.0000000000000000
127	2024-08-24	42.3333333333333333
128	2024-08-25	42.6666666666666667
129	2024-08-26	43.0000000000000000
130	2024-08-26	43.3333333333333333
131	2024-08-27	43.6666666666666667
132	2024-08-28	44.0000000000000000
133	2024-08-28	44.3333333333333333
134	2024-08-29	44.6666666666666667
135	2024-08-30	45.0000000000000000
136	2024-08-30	45.3333333333333333
137	2024-08-31	45.6666666666666667
138	2024-09-01	46.0000000000000000
139	2024-09-01	46.3333333333333333
140	2024-09-02	46.6666666666666667
141	2024-09-03	47.0000000000000000
142	2024-09-03	47.3333333333333333
143	2024-09-04	47.6666666666666667
144	2024-09-05	48.0000000000000000
145	2024-09-05	48.3333333333333333
146	2024-09-06	48.6666666666666667
147	2024-09-07	49.0000000000000000
148	2024-09-07	49.3333333333333333
149	2024-09-08	49.6666666666666667
150	2024-09-09	50.0000000000000000
151	2024-09-09	50.3333333333333333
152	2024-09-10	50.6666666666666667
153	2024-09-11	51.0000000000000000
154	2024-09-11	51.3333333333333333
155	2024-09-12	51.6666666666666667
156	2024-09-13	52.0000000000000000
157	2024-09-13	52.3333333333333333
158	2024-09-14	52.6666666666666667
159	2024-09-15	53.0000000000000000
160	2024-09-15	53.3333333333333333
161	2024-09-16	53.6666666666666667
162	2024-09-17	54.0000000000000000
163	2024-09-17	54.3333333333333333
164	2024-09-18	54.6666666666666667
165	2024-09-19	55.0000000000000000
166	2024-09-19	55.3333333333333333
167	2024-09-20	55.6666666666666667
168	2024-09-21	56.0000000000000000
169	2024-09-21	56.3333333333333333
170	2024-09-22	56.6666666666666667
171	2024-09-23	57.0000000000000000
172	2024-09-23	57.3333333333333333
173	2024-09-24	57.6666666666666667
174	2024-09-25	58.0000000000000000
175	2024-09-25	58.3333333333333333
176	2024-09-26	58.6666666666666667
177	2024-09-27	59.0000000000000000
178	2024-09-27	59.3333333333333333
179	2024-09-28	59.6666666666666667
180	2024-09-29	60.0000000000000000
181	2024-09-29	60.3333333333333333
182	2024-09-30	60.6666666666666667
183	2024-10-01	61.0000000000000000
184	2024-10-01	61.3333333333333333
185	2024-10-02	61.6666666666666667
186	2024-10-03	62.0000000000000000
187	2024-10-03	62.3333333333333333
188	2024-10-04	62.6666666666666667
189	2024-10-05	63.0000000000000000
190	2024-10-05	63.3333333333333333
191	2024-10-06	63.6666666666666667
192	2024-10-07	64.0000000000000000
193	2024-10-07	64.3333333333333333
194	2024-10-08	64.6666666666666667
195	2024-10-09	65.0000000000000000
196	2024-10-09	65.3333333333333333
197	2024-10-10	65.6666666666666667
198	2024-10-11	66.0000000000000000
199	2024-10-11	66.3333333333333333
200	2024-10-12	66.6666666666666667
201	2024-10-13	67.0000000000000000
202	2024-10-13	67.3333333333333333
203	2024-10-14	67.6666666666666667
204	2024-10-15	68.0000000000000000
205	2024-10-15	68.3333333333333333
206	2024-10-16	68.6666666666666667
207	2024-10-17	69.0000000000000000
208	2024-10-17	69.3333333333333333
209	2024-10-18	69.6666666666666667
210	2024-10-19	70.0000000000000000
211	2024-10-19	70.3333333333333333
212	2024-10-20	70.6666666666666667
213	2024-10-21	71.0000000000000000
214	2024-10-21	71.3333333333333333
215	2024-10-22	71.6666666666666667
216	2024-10-23	72.0000000000000000
217	2024-10-23	72.3333333333333333
218	2024-10-24	72.6666666666666667
219	2024-10-25	73.0000000000000000
220	2024-10-25	73.3333333333333333
221	2024-10-26	73.6666666666666667
222	2024-10-27	74.0000000000000000
223	2024-10-27	74.3333333333333333
224	2024-10-28	74.6666666666666667
225	2024-10-29	75.0000000000000000
226	2024-10-29	75.3333333333333333
227	2024-10-30	75.6666666666666667
228	2024-10-31	76.0000000000000000
229	2024-10-31	76.3333333333333333
230	2024-11-01	76.6666666666666667
231	2024-11-02	77.0000000000000000
232	2024-11-02	77.3333333333333333
233	2024-11-03	77.6666666666666667
234	2024-11-04	78.0000000000000000
235	2024-11-04	78.3333333333333333
236	2024-11-05	78.6666666666666667
237	2024-11-06	79.0000000000000000
238	2024-11-06	79.3333333333333333
239	2024-11-07	79.6666666666666667
240	2024-11-08	80.0000000000000000
241	2024-11-08	80.3333333333333333
242	2024-11-09	80.6666666666666667
243	2024-11-10	81.0000000000000000
244	2024-11-10	81.3333333333333333
245	2024-11-11	81.6666666666666667
246	2024-11-12	82.0000000000000000
247	2024-11-12	82.3333333333333333
248	2024-11-13	82.6666666666666667
249	2024-11-14	83.0000000000000000
250	2024-11-14	83.3333333333333333
251	2024-11-15	83.6666666666666667
252	2024-11-16	84.0000000000000000
253	2024-11-16	84.3333333333333333
254	2024-11-17	84.6666666666666667
255	2024-11-18	85.0000000000000000
256	2024-11-18	85.3333333333333333
257	2024-11-19	85.6666666666666667
258	2024-11-20	86.0000000000000000
259	2024-11-20	86.3333333333333333
260	2024-11-21	86.6666666666666667
261	2024-11-22	87.0000000000000000
262	2024-11-22	87.3333333333333333
263	2024-11-23	87.6666666666666667
264	2024-11-24	88.0000000000000000
265	2024-11-24	88.3333333333333333
266	2024-11-25	88.6666666666666667
267	2024-11-26	89.0000000000000000
268	2024-11-26	89.3333333333333333
269	2024-11-27	89.6666666666666667
270	2024-11-28	90.0000000000000000
271	2024-11-28	90.3333333333333333
272	2024-11-29	90.6666666666666667
273	2024-11-30	91.0000000000000000
274	2024-11-30	91.3333333333333333
275	2024-12-01	91.6666666666666667
276	2024-12-02	92.0000000000000000
277	2024-12-02	92.3333333333333333
278	2024-12-03	92.6666666666666667
279	2024-12-04	93.0000000000000000
280	2024-12-04	93.3333333333333333
281	2024-12-05	93.6666666666666667
282	2024-12-06	94.0000000000000000
283	2024-12-06	94.3333333333333333
284	2024-12-07	94.6666666666666667
285	2024-12-08	95.0000000000000000
286	2024-12-08	95.3333333333333333
287	2024-12-09	95.6666666666666667
288	2024-12-10	96.0000000000000000
289	2024-12-10	96.3333333333333333
290	2024-12-11	96.6666666666666667
291	2024-12-12	97.0000000000000000
292	2024-12-12	97.3333333333333333
293	2024-12-13	97.6666666666666667
294	2024-12-14	98.0000000000000000
295	2024-12-14	98.3333333333333333
296	2024-12-15	98.6666666666666667
297	2024-12-16	99.0000000000000000
298	2024-12-16	99.3333333333333333
299	2024-12-17	99.6666666666666667
300	2024-12-18	100.0000000000000000
\.


--
-- Data for Name: new line; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."new
line" (a) FROM stdin;
1
2
3
4
5
\.


--
-- Data for Name: nocols; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.nocols  FROM stdin;


\.


--
-- Data for Name: plain; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.plain (id, note, m, p) FROM stdin;
1	tab\there	ok	2
2	new\nline and back\\slash	happy	3
3	cr\rff\fbs\bvt\v	sad	4
4	héllo 日本 4	ok	5
5		happy	6
6	\\N literally	sad	7
7	\N	ok	8
8	tab\there	happy	9
9	new\nline and back\\slash	sad	10
10	cr\rff\fbs\bvt\v	ok	11
11	héllo 日本 11	happy	12
12		sad	13
13	\\N literally	ok	14
14	\N	happy	15
15	tab\there	sad	16
16	new\nline and back\\slash	ok	17
17	cr\rff\fbs\bvt\v	happy	18
18	héllo 日本 18	sad	19
19		ok	20
20	\\N literally	happy	21
21	\N	sad	22
22	tab\there	ok	23
23	new\nline and back\\slash	happy	24
24	cr\rff\fbs\bvt\v	sad	25
25	héllo 日本 25	ok	26
26		happy	27
27	\\N literally	sad	28
28	\N	ok	29
29	tab\there	happy	30
30	new\nline and back\\slash	sad	31
31	cr\rff\fbs\bvt\v	ok	32
32	héllo 日本 32	happy	33
33		sad	34
34	\\N literally	ok	35
35	\N	happy	36
36	tab\there	sad	37
37	new\nline and back\\slash	ok	38
38	cr\rff\fbs\bvt\v	happy	39
39	héllo 日本 39	sad	40
40		ok	41
41	\\N literally	happy	42
42	\N	sad	43
43	tab\there	ok	44
44	new\nline and back\\slash	happy	45
45	cr\rff\fbs\bvt\v	sad	46
46	héllo 日本 46	ok	47
47		happy	48
48	\\N literally	sad	49
49	\N	ok	50
50	tab\there	happy	51
51	new\nline and back\\slash	sad	52
52	cr\rff\fbs\bvt\v	ok	53
53	héllo 日本 53	happy	54
54		sad	55
55	\\N literally	ok	56
56	\N	happy	57
57	tab\there	sad	58
58	new\nline and back\\slash	ok	59
59	cr\rff\fbs\bvt\v	happy	60
60	héllo 日本 60	sad	61
61		ok	62
62	\\N literally	happy	63
63	\N	sad	64
64	tab\there	ok	65
65	new\nline and back\\slash	happy	66
66	cr\rff\fbs\bvt\v	sad	67
67	héllo 日本 67	ok	68
68		happy	69
69	\\N literally	sad	70
70	\N	ok	71
71	tab\there	happy	72
72	new\nline and back\\slash	sad	73
73	cr\rff\fbs\bvt\v	ok	74
74	héllo 日本 74	happy	75
75		sad	76
76	\\N literally	ok	77
77	\N	happy	78
78	tab\there	sad	79
79	new\nline and back\\slash	ok	80
80	cr\rff\fbs\bvt\v	happy	81
81	héllo 日本 81	sad	82
82		ok	83
83	\\N literally	happy	84
84	\N	sad	85
85	tab\there	ok	86
86	new\nline and back\\slash	happy	87
87	cr\rff\fbs\bvt\v	sad	88
88	héllo 日本 88	ok	89
89		happy	90
90	\\N literally	sad	91
91	\N	ok	92
92	tab\there	happy	93
93	new\nline and back\\slash	sad	94
94	cr\rff\fbs\bvt\v	ok	95
95	héllo 日本 95	happy	96
96		sad	97
97	\\N literally	ok	98
98	\N	happy	99
99	tab\there	sad	100
100	new\nline and back\\slash	ok	101
101	cr\rff\fbs\bvt\v	happy	102
102	héllo 日本 102	sad	103
103		ok	104
104	\\N literally	happy	105
105	\N	sad	106
106	tab\there	ok	107
107	new\nline and back\\slash	happy	108
108	cr\rff\fbs\bvt\v	sad	109
109	héllo 日本 109	ok	110
110		happy	111
111	\\N literally	sad	112
112	\N	ok	113
113	tab\there	happy	114
114	new\nline and back\\slash	sad	115
115	cr\rff\fbs\bvt\v	ok	116
116	héllo 日本 116	happy	117
117		sad	118
118	\\N literally	ok	119
119	\N	happy	120
120	tab\there	sad	121
121	new\nline and back\\slash	ok	122
122	cr\rff\fbs\bvt\v	happy	123
123	héllo 日本 123	sad	124
124		ok	125
125	\\N literally	happy	126
126	\N	sad	127
127	tab\there	ok	128
128	new\nline and back\\slash	happy	129
129	cr\rff\fbs\bvt\v	sad	130
130	héllo 日本 130	ok	131
131		happy	132
132	\\N literally	sad	133
133	\N	ok	134
134	tab\there	happy	135
135	new\nline and back\\slash	sad	136
136	cr\rff\fbs\bvt\v	ok	137
137	héllo 日本 137	happy	138
138		sad	139
139	\\N literally	ok	140
140	\N	happy	141
141	tab\there	sad	142
142	new\nline and back\\slash	ok	143
143	cr\rff\fbs\bvt\v	happy	144
144	héllo 日本 144	sad	145
145		ok	146
146	\\N literally	happy	147
147	\N	sad	148
148	tab\there	ok	149
149	new\nline and back\\slash	happy	150
150	cr\rff\fbs\bvt\v	sad	151
151	héllo 日本 151	ok	152
152		happy	153
153	\\N literally	sad	154
154	\N	ok	155
155	tab\there	happy	156
156	new\nline and back\\slash	sad	157
157	cr\rff\fbs\bvt\v	ok	158
158	héllo 日本 158	happy	159
159		sad	160
160	\\N literally	ok	161
161	\N	happy	162
162	tab\there	sad	163
163	new\nline and back\\slash	ok	164
164	cr\rff\fbs\bvt\v	happy	165
165	héllo 日本 165	sad	166
166		ok	167
167	\\N literally	happy	168
168	\N	sad	169
169	tab\there	ok	170
170	new\nline and back\\slash	happy	171
171	cr\rff\fbs\bvt\v	sad	172
172	héllo 日本 172	ok	173
173		happy	174
174	\\N literally	sad	175
175	\N	ok	176
176	tab\there	happy	177
177	new\nline and back\\slash	sad	178
178	cr\rff\fbs\bvt\v	ok	179
179	héllo 日本 179	happy	180
180		sad	181
181	\\N literally	ok	182
182	\N	happy	183
183	tab\there	sad	184
184	new\nline and back\\slash	ok	185
185	cr\rff\fbs\bvt\v	happy	186
186	héllo 日本 186	sad	187
187		ok	188
188	\\N literally	happy	189
189	\N	sad	190
190	tab\there	ok	191
191	new\nline and back\\slash	happy	192
192	cr\rff\fbs\bvt\v	sad	193
193	héllo 日本 193	ok	194
194		happy	195
195	\\N literally	sad	196
196	\N	ok	197
197	tab\there	happy	198
198	new\nline and back\\slash	sad	199
199	cr\rff\fbs\bvt\v	ok	200
200	héllo 日本 200	happy	201
201		sad	202
202	\\N literally	ok	203
203	\N	happy	204
204	tab\there	sad	205
205	new\nline and back\\slash	ok	206
206	cr\rff\fbs\bvt\v	happy	207
207	héllo 日本 207	sad	208
208		ok	209
209	\\N literally	happy	210
210	\N	sad	211
211	tab\there	ok	212
212	new\nline and back\\slash	happy	213
213	cr\rff\fbs\bvt\v	sad	214
214	héllo 日本 214	ok	215
215		happy	216
216	\\N literally	sad	217
217	\N	ok	218
218	tab\there	happy	219
219	new\nline and back\\slash	sad	220
220	cr\rff\fbs\bvt\v	ok	221
221	héllo 日本 221	happy	222
222		sad	223
223	\\N literally	ok	224
224	\N	happy	225
225	tab\there	sad	226
226	new\nline and back\\slash	ok	227
227	cr\rff\fbs\bvt\v	happy	228
228	héllo 日本 228	sad	229
229		ok	230
230	\\N literally	happy	231
231	\N	sad	232
232	tab\there	ok	233
233	new\nline and back\\slash	happy	234
234	cr\rff\fbs\bvt\v	sad	235
235	héllo 日本 235	ok	236
236		happy	237
237	\\N literally	sad	238
238	\N	ok	239
239	tab\there	happy	240
240	new\nline and back\\slash	sad	241
241	cr\rff\fbs\bvt\v	ok	242
242	héllo 日本 242	happy	243
243		sad	244
244	\\N literally	ok	245
245	\N	happy	246
246	tab\there	sad	247
247	new\nline and back\\slash	ok	248
248	cr\rff\fbs\bvt\v	happy	249
249	héllo 日本 249	sad	250
250		ok	251
251	\\N literally	happy	252
252	\N	sad	253
253	tab\there	ok	254
254	new\nline and back\\slash	happy	255
255	cr\rff\fbs\bvt\v	sad	256
256	héllo 日本 256	ok	257
257		happy	258
258	\\N literally	sad	259
259	\N	ok	260
260	tab\there	happy	261
261	new\nline and back\\slash	sad	262
262	cr\rff\fbs\bvt\v	ok	263
263	héllo 日本 263	happy	264
264		sad	265
265	\\N literally	ok	266
266	\N	happy	267
267	tab\there	sad	268
268	new\nline and back\\slash	ok	269
269	cr\rff\fbs\bvt\v	happy	270
270	héllo 日本 270	sad	271
271		ok	272
272	\\N literally	happy	273
273	\N	sad	274
274	tab\there	ok	275
275	new\nline and back\\slash	happy	276
276	cr\rff\fbs\bvt\v	sad	277
277	héllo 日本 277	ok	278
278		happy	279
279	\\N literally	sad	280
280	\N	ok	281
281	tab\there	happy	282
282	new\nline and back\\slash	sad	283
283	cr\rff\fbs\bvt\v	ok	284
284	héllo 日本 284	happy	285
285		sad	286
286	\\N literally	ok	287
287	\N	happy	288
288	tab\there	sad	289
289	new\nline and back\\slash	ok	290
290	cr\rff\fbs\bvt\v	happy	291
291	héllo 日本 291	sad	292
292		ok	293
293	\\N literally	happy	294
294	\N	sad	295
295	tab\there	ok	296
296	new\nline and back\\slash	happy	297
297	cr\rff\fbs\bvt\v	sad	298
298	héllo 日本 298	ok	299
299		happy	300
300	\\N literally	sad	301
301	\N	ok	302
302	tab\there	happy	303
303	new\nline and back\\slash	sad	304
304	cr\rff\fbs\bvt\v	ok	305
305	héllo 日本 305	happy	306
306		sad	307
307	\\N literally	ok	308
308	\N	happy	309
309	tab\there	sad	310
310	new\nline and back\\slash	ok	311
311	cr\rff\fbs\bvt\v	happy	312
312	héllo 日本 312	sad	313
313		ok	314
314	\\N literally	happy	315
315	\N	sad	316
316	tab\there	ok	317
317	new\nline and back\\slash	happy	318
318	cr\rff\fbs\bvt\v	sad	319
319	héllo 日本 319	ok	320
320		happy	321
321	\\N literally	sad	322
322	\N	ok	323
323	tab\there	happy	324
324	new\nline and back\\slash	sad	325
325	cr\rff\fbs\bvt\v	ok	326
326	héllo 日本 326	happy	327
327		sad	328
328	\\N literally	ok	329
329	\N	happy	330
330	tab\there	sad	331
331	new\nline and back\\slash	ok	332
332	cr\rff\fbs\bvt\v	happy	333
333	héllo 日本 333	sad	334
334		ok	335
335	\\N literally	happy	336
336	\N	sad	337
337	tab\there	ok	338
338	new\nline and back\\slash	happy	339
339	cr\rff\fbs\bvt\v	sad	340
340	héllo 日本 340	ok	341
341		happy	342
342	\\N literally	sad	343
343	\N	ok	344
344	tab\there	happy	345
345	new\nline and back\\slash	sad	346
346	cr\rff\fbs\bvt\v	ok	347
347	héllo 日本 347	happy	348
348		sad	349
349	\\N literally	ok	350
350	\N	happy	351
351	tab\there	sad	352
352	new\nline and back\\slash	ok	353
353	cr\rff\fbs\bvt\v	happy	354
354	héllo 日本 354	sad	355
355		ok	356
356	\\N literally	happy	357
357	\N	sad	358
358	tab\there	ok	359
359	new\nline and back\\slash	happy	360
360	cr\rff\fbs\bvt\v	sad	361
361	héllo 日本 361	ok	362
362		happy	363
363	\\N literally	sad	364
364	\N	ok	365
365	tab\there	happy	366
366	new\nline and back\\slash	sad	367
367	cr\rff\fbs\bvt\v	ok	368
368	héllo 日本 368	happy	369
369		sad	370
370	\\N literally	ok	371
371	\N	happy	372
372	tab\there	sad	373
373	new\nline and back\\slash	ok	374
374	cr\rff\fbs\bvt\v	happy	375
375	héllo 日本 375	sad	376
376		ok	377
377	\\N literally	happy	378
378	\N	sad	379
379	tab\there	ok	380
380	new\nline and back\\slash	happy	381
381	cr\rff\fbs\bvt\v	sad	382
382	héllo 日本 382	ok	383
383		happy	384
384	\\N literally	sad	385
385	\N	ok	386
386	tab\there	happy	387
387	new\nline and back\\slash	sad	388
388	cr\rff\fbs\bvt\v	ok	389
389	héllo 日本 389	happy	390
390		sad	391
391	\\N literally	ok	392
392	\N	happy	393
393	tab\there	sad	394
394	new\nline and back\\slash	ok	395
395	cr\rff\fbs\bvt\v	happy	396
396	héllo 日本 396	sad	397
397		ok	398
398	\\N literally	happy	399
399	\N	sad	400
400	tab\there	ok	401
401	new\nline and back\\slash	happy	402
402	cr\rff\fbs\bvt\v	sad	403
403	héllo 日本 403	ok	404
404		happy	405
405	\\N literally	sad	406
406	\N	ok	407
407	tab\there	happy	408
408	new\nline and back\\slash	sad	409
409	cr\rff\fbs\bvt\v	ok	410
410	héllo 日本 410	happy	411
411		sad	412
412	\\N literally	ok	413
413	\N	happy	414
414	tab\there	sad	415
415	new\nline and back\\slash	ok	416
416	cr\rff\fbs\bvt\v	happy	417
417	héllo 日本 417	sad	418
418		ok	419
419	\\N literally	happy	420
420	\N	sad	421
421	tab\there	ok	422
422	new\nline and back\\slash	happy	423
423	cr\rff\fbs\bvt\v	sad	424
424	héllo 日本 424	ok	425
425		happy	426
426	\\N literally	sad	427
427	\N	ok	428
428	tab\there	happy	429
429	new\nline and back\\slash	sad	430
430	cr\rff\fbs\bvt\v	ok	431
431	héllo 日本 431	happy	432
432		sad	433
433	\\N literally	ok	434
434	\N	happy	435
435	tab\there	sad	436
436	new\nline and back\\slash	ok	437
437	cr\rff\fbs\bvt\v	happy	438
438	héllo 日本 438	sad	439
439		ok	440
440	\\N literally	happy	441
441	\N	sad	442
442	tab\there	ok	443
443	new\nline and back\\slash	happy	444
444	cr\rff\fbs\bvt\v	sad	445
445	héllo 日本 445	ok	446
446		happy	447
447	\\N literally	sad	448
448	\N	ok	449
449	tab\there	happy	450
450	new\nline and back\\slash	sad	451
451	cr\rff\fbs\bvt\v	ok	452
452	héllo 日本 452	happy	453
453		sad	454
454	\\N literally	ok	455
455	\N	happy	456
456	tab\there	sad	457
457	new\nline and back\\slash	ok	458
458	cr\rff\fbs\bvt\v	happy	459
459	héllo 日本 459	sad	460
460		ok	461
461	\\N literally	happy	462
462	\N	sad	463
463	tab\there	ok	464
464	new\nline and back\\slash	happy	465
465	cr\rff\fbs\bvt\v	sad	466
466	héllo 日本 466	ok	467
467		happy	468
468	\\N literally	sad	469
469	\N	ok	470
470	tab\there	happy	471
471	new\nline and back\\slash	sad	472
472	cr\rff\fbs\bvt\v	ok	473
473	héllo 日本 473	happy	474
474		sad	475
475	\\N literally	ok	476
476	\N	happy	477
477	tab\there	sad	478
478	new\nline and back\\slash	ok	479
479	cr\rff\fbs\bvt\v	happy	480
480	héllo 日本 480	sad	481
481		ok	482
482	\\N literally	happy	483
483	\N	sad	484
484	tab\there	ok	485
485	new\nline and back\\slash	happy	486
486	cr\rff\fbs\bvt\v	sad	487
487	héllo 日本 487	ok	488
488		happy	489
489	\\N literally	sad	490
490	\N	ok	491
491	tab\there	happy	492
492	new\nline and back\\slash	sad	493
493	cr\rff\fbs\bvt\v	ok	494
494	héllo 日本 494	happy	495
495		sad	496
496	\\N literally	ok	497
497	\N	happy	498
498	tab\there	sad	499
499	new\nline and back\\slash	ok	500
500	cr\rff\fbs\bvt\v	happy	501
501	héllo 日本 501	sad	502
502		ok	503
503	\\N literally	happy	504
504	\N	sad	505
505	tab\there	ok	506
506	new\nline and back\\slash	happy	507
507	cr\rff\fbs\bvt\v	sad	508
508	héllo 日本 508	ok	509
509		happy	510
510	\\N literally	sad	511
511	\N	ok	512
512	tab\there	happy	513
513	new\nline and back\\slash	sad	514
514	cr\rff\fbs\bvt\v	ok	515
515	héllo 日本 515	happy	516
516		sad	517
517	\\N literally	ok	518
518	\N	happy	519
519	tab\there	sad	520
520	new\nline and back\\slash	ok	521
521	cr\rff\fbs\bvt\v	happy	522
522	héllo 日本 522	sad	523
523		ok	524
524	\\N literally	happy	525
525	\N	sad	526
526	tab\there	ok	527
527	new\nline and back\\slash	happy	528
528	cr\rff\fbs\bvt\v	sad	529
529	héllo 日本 529	ok	530
530		happy	531
531	\\N literally	sad	532
532	\N	ok	533
533	tab\there	happy	534
534	new\nline and back\\slash	sad	535
535	cr\rff\fbs\bvt\v	ok	536
536	héllo 日本 536	happy	537
537		sad	538
538	\\N literally	ok	539
539	\N	happy	540
540	tab\there	sad	541
541	new\nline and back\\slash	ok	542
542	cr\rff\fbs\bvt\v	happy	543
543	héllo 日本 543	sad	544
544		ok	545
545	\\N literally	happy	546
546	\N	sad	547
547	tab\there	ok	548
548	new\nline and back\\slash	happy	549
549	cr\rff\fbs\bvt\v	sad	550
550	héllo 日本 550	ok	551
551		happy	552
552	\\N literally	sad	553
553	\N	ok	554
554	tab\there	happy	555
555	new\nline and back\\slash	sad	556
556	cr\rff\fbs\bvt\v	ok	557
557	héllo 日本 557	happy	558
558		sad	559
559	\\N literally	ok	560
560	\N	happy	561
561	tab\there	sad	562
562	new\nline and back\\slash	ok	563
563	cr\rff\fbs\bvt\v	happy	564
564	héllo 日本 564	sad	565
565		ok	566
566	\\N literally	happy	567
567	\N	sad	568
568	tab\there	ok	569
569	new\nline and back\\slash	happy	570
570	cr\rff\fbs\bvt\v	sad	571
571	héllo 日本 571	ok	572
572		happy	573
573	\\N literally	sad	574
574	\N	ok	575
575	tab\there	happy	576
576	new\nline and back\\slash	sad	577
577	cr\rff\fbs\bvt\v	ok	578
578	héllo 日本 578	happy	579
579		sad	580
580	\\N literally	ok	581
581	\N	happy	582
582	tab\there	sad	583
583	new\nline and back\\slash	ok	584
584	cr\rff\fbs\bvt\v	happy	585
585	héllo 日本 585	sad	586
586		ok	587
587	\\N literally	happy	588
588	\N	sad	589
589	tab\there	ok	590
590	new\nline and back\\slash	happy	591
591	cr\rff\fbs\bvt\v	sad	592
592	héllo 日本 592	ok	593
593		happy	594
594	\\N literally	sad	595
595	\N	ok	596
596	tab\there	happy	597
597	new\nline and back\\slash	sad	598
598	cr\rff\fbs\bvt\v	ok	599
599	héllo 日本 599	happy	600
600		sad	601
601	\\N literally	ok	602
602	\N	happy	603
603	tab\there	sad	604
604	new\nline and back\\slash	ok	605
605	cr\rff\fbs\bvt\v	happy	606
606	héllo 日本 606	sad	607
607		ok	608
608	\\N literally	happy	609
609	\N	sad	610
610	tab\there	ok	611
611	new\nline and back\\slash	happy	612
612	cr\rff\fbs\bvt\v	sad	613
613	héllo 日本 613	ok	614
614		happy	615
615	\\N literally	sad	616
616	\N	ok	617
617	tab\there	happy	618
618	new\nline and back\\slash	sad	619
619	cr\rff\fbs\bvt\v	ok	620
620	héllo 日本 620	happy	621
621		sad	622
622	\\N literally	ok	623
623	\N	happy	624
624	tab\there	sad	625
625	new\nline and back\\slash	ok	626
626	cr\rff\fbs\bvt\v	happy	627
627	héllo 日本 627	sad	628
628		ok	629
629	\\N literally	happy	630
630	\N	sad	631
631	tab\there	ok	632
632	new\nline and back\\slash	happy	633
633	cr\rff\fbs\bvt\v	sad	634
634	héllo 日本 634	ok	635
635		happy	636
636	\\N literally	sad	637
637	\N	ok	638
638	tab\there	happy	639
639	new\nline and back\\slash	sad	640
640	cr\rff\fbs\bvt\v	ok	641
641	héllo 日本 641	happy	642
642		sad	643
643	\\N literally	ok	644
644	\N	happy	645
645	tab\there	sad	646
646	new\nline and back\\slash	ok	647
647	cr\rff\fbs\bvt\v	happy	648
648	héllo 日本 648	sad	649
649		ok	650
650	\\N literally	happy	651
651	\N	sad	652
652	tab\there	ok	653
653	new\nline and back\\slash	happy	654
654	cr\rff\fbs\bvt\v	sad	655
655	héllo 日本 655	ok	656
656		happy	657
657	\\N literally	sad	658
658	\N	ok	659
659	tab\there	happy	660
660	new\nline and back\\slash	sad	661
661	cr\rff\fbs\bvt\v	ok	662
662	héllo 日本 662	happy	663
663		sad	664
664	\\N literally	ok	665
665	\N	happy	666
666	tab\there	sad	667
667	new\nline and back\\slash	ok	668
668	cr\rff\fbs\bvt\v	happy	669
669	héllo 日本 669	sad	670
670		ok	671
671	\\N literally	happy	672
672	\N	sad	673
673	tab\there	ok	674
674	new\nline and back\\slash	happy	675
675	cr\rff\fbs\bvt\v	sad	676
676	héllo 日本 676	ok	677
677		happy	678
678	\\N literally	sad	679
679	\N	ok	680
680	tab\there	happy	681
681	new\nline and back\\slash	sad	682
682	cr\rff\fbs\bvt\v	ok	683
683	héllo 日本 683	happy	684
684		sad	685
685	\\N literally	ok	686
686	\N	happy	687
687	tab\there	sad	688
688	new\nline and back\\slash	ok	689
689	cr\rff\fbs\bvt\v	happy	690
690	héllo 日本 690	sad	691
691		ok	692
692	\\N literally	happy	693
693	\N	sad	694
694	tab\there	ok	695
695	new\nline and back\\slash	happy	696
696	cr\rff\fbs\bvt\v	sad	697
697	héllo 日本 697	ok	698
698		happy	699
699	\\N literally	sad	700
700	\N	ok	701
701	tab\there	happy	702
702	new\nline and back\\slash	sad	703
703	cr\rff\fbs\bvt\v	ok	704
704	héllo 日本 704	happy	705
705		sad	706
706	\\N literally	ok	707
707	\N	happy	708
708	tab\there	sad	709
709	new\nline and back\\slash	ok	710
710	cr\rff\fbs\bvt\v	happy	711
711	héllo 日本 711	sad	712
712		ok	713
713	\\N literally	happy	714
714	\N	sad	715
715	tab\there	ok	716
716	new\nline and back\\slash	happy	717
717	cr\rff\fbs\bvt\v	sad	718
718	héllo 日本 718	ok	719
719		happy	720
720	\\N literally	sad	721
721	\N	ok	722
722	tab\there	happy	723
723	new\nline and back\\slash	sad	724
724	cr\rff\fbs\bvt\v	ok	725
725	héllo 日本 725	happy	726
726		sad	727
727	\\N literally	ok	728
728	\N	happy	729
729	tab\there	sad	730
730	new\nline and back\\slash	ok	731
731	cr\rff\fbs\bvt\v	happy	732
732	héllo 日本 732	sad	733
733		ok	734
734	\\N literally	happy	735
735	\N	sad	736
736	tab\there	ok	737
737	new\nline and back\\slash	happy	738
738	cr\rff\fbs\bvt\v	sad	739
739	héllo 日本 739	ok	740
740		happy	741
741	\\N literally	sad	742
742	\N	ok	743
743	tab\there	happy	744
744	new\nline and back\\slash	sad	745
745	cr\rff\fbs\bvt\v	ok	746
746	héllo 日本 746	happy	747
747		sad	748
748	\\N literally	ok	749
749	\N	happy	750
750	tab\there	sad	751
751	new\nline and back\\slash	ok	752
752	cr\rff\fbs\bvt\v	happy	753
753	héllo 日本 753	sad	754
754		ok	755
755	\\N literally	happy	756
756	\N	sad	757
757	tab\there	ok	758
758	new\nline and back\\slash	happy	759
759	cr\rff\fbs\bvt\v	sad	760
760	héllo 日本 760	ok	761
761		happy	762
762	\\N literally	sad	763
763	\N	ok	764
764	tab\there	happy	765
765	new\nline and back\\slash	sad	766
766	cr\rff\fbs\bvt\v	ok	767
767	héllo 日本 767	happy	768
768		sad	769
769	\\N literally	ok	770
770	\N	happy	771
771	tab\there	sad	772
772	new\nline and back\\slash	ok	773
773	cr\rff\fbs\bvt\v	happy	774
774	héllo 日本 774	sad	775
775		ok	776
776	\\N literally	happy	777
777	\N	sad	778
778	tab\there	ok	779
779	new\nline and back\\slash	happy	780
780	cr\rff\fbs\bvt\v	sad	781
781	héllo 日本 781	ok	782
782		happy	783
783	\\N literally	sad	784
784	\N	ok	785
785	tab\there	happy	786
786	new\nline and back\\slash	sad	787
787	cr\rff\fbs\bvt\v	ok	788
788	héllo 日本 788	happy	789
789		sad	790
790	\\N literally	ok	791
791	\N	happy	792
792	tab\there	sad	793
793	new\nline and back\\slash	ok	794
794	cr\rff\fbs\bvt\v	happy	795
795	héllo 日本 795	sad	796
796		ok	797
797	\\N literally	happy	798
798	\N	sad	799
799	tab\there	ok	800
800	new\nline and back\\slash	happy	801
801	cr\rff\fbs\bvt\v	sad	802
802	héllo 日本 802	ok	803
803		happy	804
804	\\N literally	sad	805
805	\N	ok	806
806	tab\there	happy	807
807	new\nline and back\\slash	sad	808
808	cr\rff\fbs\bvt\v	ok	809
809	héllo 日本 809	happy	810
810		sad	811
811	\\N literally	ok	812
812	\N	happy	813
813	tab\there	sad	814
814	new\nline and back\\slash	ok	815
815	cr\rff\fbs\bvt\v	happy	816
816	héllo 日本 816	sad	817
817		ok	818
818	\\N literally	happy	819
819	\N	sad	820
820	tab\there	ok	821
821	new\nline and back\\slash	happy	822
822	cr\rff\fbs\bvt\v	sad	823
823	héllo 日本 823	ok	824
824		happy	825
825	\\N literally	sad	826
826	\N	ok	827
827	tab\there	happy	828
828	new\nline and back\\slash	sad	829
829	cr\rff\fbs\bvt\v	ok	830
830	héllo 日本 830	happy	831
831		sad	832
832	\\N literally	ok	833
833	\N	happy	834
834	tab\there	sad	835
835	new\nline and back\\slash	ok	836
836	cr\rff\fbs\bvt\v	happy	837
837	héllo 日本 837	sad	838
838		ok	839
839	\\N literally	happy	840
840	\N	sad	841
841	tab\there	ok	842
842	new\nline and back\\slash	happy	843
843	cr\rff\fbs\bvt\v	sad	844
844	héllo 日本 844	ok	845
845		happy	846
846	\\N literally	sad	847
847	\N	ok	848
848	tab\there	happy	849
849	new\nline and back\\slash	sad	850
850	cr\rff\fbs\bvt\v	ok	851
851	héllo 日本 851	happy	852
852		sad	853
853	\\N literally	ok	854
854	\N	happy	855
855	tab\there	sad	856
856	new\nline and back\\slash	ok	857
857	cr\rff\fbs\bvt\v	happy	858
858	héllo 日本 858	sad	859
859		ok	860
860	\\N literally	happy	861
861	\N	sad	862
862	tab\there	ok	863
863	new\nline and back\\slash	happy	864
864	cr\rff\fbs\bvt\v	sad	865
865	héllo 日本 865	ok	866
866		happy	867
867	\\N literally	sad	868
868	\N	ok	869
869	tab\there	happy	870
870	new\nline and back\\slash	sad	871
871	cr\rff\fbs\bvt\v	ok	872
872	héllo 日本 872	happy	873
873		sad	874
874	\\N literally	ok	875
875	\N	happy	876
876	tab\there	sad	877
877	new\nline and back\\slash	ok	878
878	cr\rff\fbs\bvt\v	happy	879
879	héllo 日本 879	sad	880
880		ok	881
881	\\N literally	happy	882
882	\N	sad	883
883	tab\there	ok	884
884	new\nline and back\\slash	happy	885
885	cr\rff\fbs\bvt\v	sad	886
886	héllo 日本 886	ok	887
887		happy	888
888	\\N literally	sad	889
889	\N	ok	890
890	tab\there	happy	891
891	new\nline and back\\slash	sad	892
892	cr\rff\fbs\bvt\v	ok	893
893	héllo 日本 893	happy	894
894		sad	895
895	\\N literally	ok	896
896	\N	happy	897
897	tab\there	sad	898
898	new\nline and back\\slash	ok	899
899	cr\rff\fbs\bvt\v	happy	900
900	héllo 日本 900	sad	901
901		ok	902
902	\\N literally	happy	903
903	\N	sad	904
904	tab\there	ok	905
905	new\nline and back\\slash	happy	906
906	cr\rff\fbs\bvt\v	sad	907
907	héllo 日本 907	ok	908
908		happy	909
909	\\N literally	sad	910
910	\N	ok	911
911	tab\there	happy	912
912	new\nline and back\\slash	sad	913
913	cr\rff\fbs\bvt\v	ok	914
914	héllo 日本 914	happy	915
915		sad	916
916	\\N literally	ok	917
917	\N	happy	918
918	tab\there	sad	919
919	new\nline and back\\slash	ok	920
920	cr\rff\fbs\bvt\v	happy	921
921	héllo 日本 921	sad	922
922		ok	923
923	\\N literally	happy	924
924	\N	sad	925
925	tab\there	ok	926
926	new\nline and back\\slash	happy	927
927	cr\rff\fbs\bvt\v	sad	928
928	héllo 日本 928	ok	929
929		happy	930
930	\\N literally	sad	931
931	\N	ok	932
932	tab\there	happy	933
933	new\nline and back\\slash	sad	934
934	cr\rff\fbs\bvt\v	ok	935
935	héllo 日本 935	happy	936
936		sad	937
937	\\N literally	ok	938
938	\N	happy	939
939	tab\there	sad	940
940	new\nline and back\\slash	ok	941
941	cr\rff\fbs\bvt\v	happy	942
942	héllo 日本 942	sad	943
943		ok	944
944	\\N literally	happy	945
945	\N	sad	946
946	tab\there	ok	947
947	new\nline and back\\slash	happy	948
948	cr\rff\fbs\bvt\v	sad	949
949	héllo 日本 949	ok	950
950		happy	951
951	\\N literally	sad	952
952	\N	ok	953
953	tab\there	happy	954
954	new\nline and back\\slash	sad	955
955	cr\rff\fbs\bvt\v	ok	956
956	héllo 日本 956	happy	957
957		sad	958
958	\\N literally	ok	959
959	\N	happy	960
960	tab\there	sad	961
961	new\nline and back\\slash	ok	962
962	cr\rff\fbs\bvt\v	happy	963
963	héllo 日本 963	sad	964
964		ok	965
965	\\N literally	happy	966
966	\N	sad	967
967	tab\there	ok	968
968	new\nline and back\\slash	happy	969
969	cr\rff\fbs\bvt\v	sad	970
970	héllo 日本 970	ok	971
971		happy	972
972	\\N literally	sad	973
973	\N	ok	974
974	tab\there	happy	975
975	new\nline and back\\slash	sad	976
976	cr\rff\fbs\bvt\v	ok	977
977	héllo 日本 977	happy	978
978		sad	979
979	\\N literally	ok	980
980	\N	happy	981
981	tab\there	sad	982
982	new\nline and back\\slash	ok	983
983	cr\rff\fbs\bvt\v	happy	984
984	héllo 日本 984	sad	985
985		ok	986
986	\\N literally	happy	987
987	\N	sad	988
988	tab\there	ok	989
989	new\nline and back\\slash	happy	990
990	cr\rff\fbs\bvt\v	sad	991
991	héllo 日本 991	ok	992
992		happy	993
993	\\N literally	sad	994
994	\N	ok	995
995	tab\there	happy	996
996	new\nline and back\\slash	sad	997
997	cr\rff\fbs\bvt\v	ok	998
998	héllo 日本 998	happy	999
999		sad	1000
1000	\\N literally	ok	1001
1001	\N	happy	1002
1002	tab\there	sad	1003
1003	new\nline and back\\slash	ok	1004
1004	cr\rff\fbs\bvt\v	happy	1005
1005	héllo 日本 1005	sad	1006
1006		ok	1007
1007	\\N literally	happy	1008
1008	\N	sad	1009
1009	tab\there	ok	1010
1010	new\nline and back\\slash	happy	1011
1011	cr\rff\fbs\bvt\v	sad	1012
1012	héllo 日本 1012	ok	1013
1013		happy	1014
1014	\\N literally	sad	1015
1015	\N	ok	1016
1016	tab\there	happy	1017
1017	new\nline and back\\slash	sad	1018
1018	cr\rff\fbs\bvt\v	ok	1019
1019	héllo 日本 1019	happy	1020
1020		sad	1021
1021	\\N literally	ok	1022
1022	\N	happy	1023
1023	tab\there	sad	1024
1024	new\nline and back\\slash	ok	1025
1025	cr\rff\fbs\bvt\v	happy	1026
1026	héllo 日本 1026	sad	1027
1027		ok	1028
1028	\\N literally	happy	1029
1029	\N	sad	1030
1030	tab\there	ok	1031
1031	new\nline and back\\slash	happy	1032
1032	cr\rff\fbs\bvt\v	sad	1033
1033	héllo 日本 1033	ok	1034
1034		happy	1035
1035	\\N literally	sad	1036
1036	\N	ok	1037
1037	tab\there	happy	1038
1038	new\nline and back\\slash	sad	1039
1039	cr\rff\fbs\bvt\v	ok	1040
1040	héllo 日本 1040	happy	1041
1041		sad	1042
1042	\\N literally	ok	1043
1043	\N	happy	1044
1044	tab\there	sad	1045
1045	new\nline and back\\slash	ok	1046
1046	cr\rff\fbs\bvt\v	happy	1047
1047	héllo 日本 1047	sad	1048
1048		ok	1049
1049	\\N literally	happy	1050
1050	\N	sad	1051
1051	tab\there	ok	1052
1052	new\nline and back\\slash	happy	1053
1053	cr\rff\fbs\bvt\v	sad	1054
1054	héllo 日本 1054	ok	1055
1055		happy	1056
1056	\\N literally	sad	1057
1057	\N	ok	1058
1058	tab\there	happy	1059
1059	new\nline and back\\slash	sad	1060
1060	cr\rff\fbs\bvt\v	ok	1061
1061	héllo 日本 1061	happy	1062
1062		sad	1063
1063	\\N literally	ok	1064
1064	\N	happy	1065
1065	tab\there	sad	1066
1066	new\nline and back\\slash	ok	1067
1067	cr\rff\fbs\bvt\v	happy	1068
1068	héllo 日本 1068	sad	1069
1069		ok	1070
1070	\\N literally	happy	1071
1071	\N	sad	1072
1072	tab\there	ok	1073
1073	new\nline and back\\slash	happy	1074
1074	cr\rff\fbs\bvt\v	sad	1075
1075	héllo 日本 1075	ok	1076
1076		happy	1077
1077	\\N literally	sad	1078
1078	\N	ok	1079
1079	tab\there	happy	1080
1080	new\nline and back\\slash	sad	1081
1081	cr\rff\fbs\bvt\v	ok	1082
1082	héllo 日本 1082	happy	1083
1083		sad	1084
1084	\\N literally	ok	1085
1085	\N	happy	1086
1086	tab\there	sad	1087
1087	new\nline and back\\slash	ok	1088
1088	cr\rff\fbs\bvt\v	happy	1089
1089	héllo 日本 1089	sad	1090
1090		ok	1091
1091	\\N literally	happy	1092
1092	\N	sad	1093
1093	tab\there	ok	1094
1094	new\nline and back\\slash	happy	1095
1095	cr\rff\fbs\bvt\v	sad	1096
1096	héllo 日本 1096	ok	1097
1097		happy	1098
1098	\\N literally	sad	1099
1099	\N	ok	1100
1100	tab\there	happy	1101
1101	new\nline and back\\slash	sad	1102
1102	cr\rff\fbs\bvt\v	ok	1103
1103	héllo 日本 1103	happy	1104
1104		sad	1105
1105	\\N literally	ok	1106
1106	\N	happy	1107
1107	tab\there	sad	1108
1108	new\nline and back\\slash	ok	1109
1109	cr\rff\fbs\bvt\v	happy	1110
1110	héllo 日本 1110	sad	1111
1111		ok	1112
1112	\\N literally	happy	1113
1113	\N	sad	1114
1114	tab\there	ok	1115
1115	new\nline and back\\slash	happy	1116
1116	cr\rff\fbs\bvt\v	sad	1117
1117	héllo 日本 1117	ok	1118
1118		happy	1119
1119	\\N literally	sad	1120
1120	\N	ok	1121
1121	tab\there	happy	1122
1122	new\nline and back\\slash	sad	1123
1123	cr\rff\fbs\bvt\v	ok	1124
1124	héllo 日本 1124	happy	1125
1125		sad	1126
1126	\\N literally	ok	1127
1127	\N	happy	1128
1128	tab\there	sad	1129
1129	new\nline and back\\slash	ok	1130
1130	cr\rff\fbs\bvt\v	happy	1131
1131	héllo 日本 1131	sad	1132
1132		ok	1133
1133	\\N literally	happy	1134
1134	\N	sad	1135
1135	tab\there	ok	1136
1136	new\nline and back\\slash	happy	1137
1137	cr\rff\fbs\bvt\v	sad	1138
1138	héllo 日本 1138	ok	1139
1139		happy	1140
1140	\\N literally	sad	1141
1141	\N	ok	1142
1142	tab\there	happy	1143
1143	new\nline and back\\slash	sad	1144
1144	cr\rff\fbs\bvt\v	ok	1145
1145	héllo 日本 1145	happy	1146
1146		sad	1147
1147	\\N literally	ok	1148
1148	\N	happy	1149
1149	tab\there	sad	1150
1150	new\nline and back\\slash	ok	1151
1151	cr\rff\fbs\bvt\v	happy	1152
1152	héllo 日本 1152	sad	1153
1153		ok	1154
1154	\\N literally	happy	1155
1155	\N	sad	1156
1156	tab\there	ok	1157
1157	new\nline and back\\slash	happy	1158
1158	cr\rff\fbs\bvt\v	sad	1159
1159	héllo 日本 1159	ok	1160
1160		happy	1161
1161	\\N literally	sad	1162
1162	\N	ok	1163
1163	tab\there	happy	1164
1164	new\nline and back\\slash	sad	1165
1165	cr\rff\fbs\bvt\v	ok	1166
1166	héllo 日本 1166	happy	1167
1167		sad	1168
1168	\\N literally	ok	1169
1169	\N	happy	1170
1170	tab\there	sad	1171
1171	new\nline and back\\slash	ok	1172
1172	cr\rff\fbs\bvt\v	happy	1173
1173	héllo 日本 1173	sad	1174
1174		ok	1175
1175	\\N literally	happy	1176
1176	\N	sad	1177
1177	tab\there	ok	1178
1178	new\nline and back\\slash	happy	1179
1179	cr\rff\fbs\bvt\v	sad	1180
1180	héllo 日本 1180	ok	1181
1181		happy	1182
1182	\\N literally	sad	1183
1183	\N	ok	1184
1184	tab\there	happy	1185
1185	new\nline and back\\slash	sad	1186
1186	cr\rff\fbs\bvt\v	ok	1187
1187	héllo 日本 1187	happy	1188
1188		sad	1189
1189	\\N literally	ok	1190
1190	\N	happy	1191
1191	tab\there	sad	1192
1192	new\nline and back\\slash	ok	1193
1193	cr\rff\fbs\bvt\v	happy	1194
1194	héllo 日本 1194	sad	1195
1195		ok	1196
1196	\\N literally	happy	1197
1197	\N	sad	1198
1198	tab\there	ok	1199
1199	new\nline and back\\slash	happy	1200
1200	cr\rff\fbs\bvt\v	sad	1201
1201	héllo 日本 1201	ok	1202
1202		happy	1203
1203	\\N literally	sad	1204
1204	\N	ok	1205
1205	tab\there	happy	1206
1206	new\nline and back\\slash	sad	1207
1207	cr\rff\fbs\bvt\v	ok	1208
1208	héllo 日本 1208	happy	1209
1209		sad	1210
1210	\\N literally	ok	1211
1211	\N	happy	1212
1212	tab\there	sad	1213
1213	new\nline and back\\slash	ok	1214
1214	cr\rff\fbs\bvt\v	happy	1215
1215	héllo 日本 1215	sad	1216
1216		ok	1217
1217	\\N literally	happy	1218
1218	\N	sad	1219
1219	tab\there	ok	1220
1220	new\nline and back\\slash	happy	1221
1221	cr\rff\fbs\bvt\v	sad	1222
1222	héllo 日本 1222	ok	1223
1223		happy	1224
1224	\\N literally	sad	1225
1225	\N	ok	1226
1226	tab\there	happy	1227
1227	new\nline and back\\slash	sad	1228
1228	cr\rff\fbs\bvt\v	ok	1229
1229	héllo 日本 1229	happy	1230
1230		sad	1231
1231	\\N literally	ok	1232
1232	\N	happy	1233
1233	tab\there	sad	1234
1234	new\nline and back\\slash	ok	1235
1235	cr\rff\fbs\bvt\v	happy	1236
1236	héllo 日本 1236	sad	1237
1237		ok	1238
1238	\\N literally	happy	1239
1239	\N	sad	1240
1240	tab\there	ok	1241
1241	new\nline and back\\slash	happy	1242
1242	cr\rff\fbs\bvt\v	sad	1243
1243	héllo 日本 1243	ok	1244
1244		happy	1245
1245	\\N literally	sad	1246
1246	\N	ok	1247
1247	tab\there	happy	1248
1248	new\nline and back\\slash	sad	1249
1249	cr\rff\fbs\bvt\v	ok	1250
1250	héllo 日本 1250	happy	1251
1251		sad	1252
1252	\\N literally	ok	1253
1253	\N	happy	1254
1254	tab\there	sad	1255
1255	new\nline and back\\slash	ok	1256
1256	cr\rff\fbs\bvt\v	happy	1257
1257	héllo 日本 1257	sad	1258
1258		ok	1259
1259	\\N literally	happy	1260
1260	\N	sad	1261
1261	tab\there	ok	1262
1262	new\nline and back\\slash	happy	1263
1263	cr\rff\fbs\bvt\v	sad	1264
1264	héllo 日本 1264	ok	1265
1265		happy	1266
1266	\\N literally	sad	1267
1267	\N	ok	1268
1268	tab\there	happy	1269
1269	new\nline and back\\slash	sad	1270
1270	cr\rff\fbs\bvt\v	ok	1271
1271	héllo 日本 1271	happy	1272
1272		sad	1273
1273	\\N literally	ok	1274
1274	\N	happy	1275
1275	tab\there	sad	1276
1276	new\nline and back\\slash	ok	1277
1277	cr\rff\fbs\bvt\v	happy	1278
1278	héllo 日本 1278	sad	1279
1279		ok	1280
1280	\\N literally	happy	1281
1281	\N	sad	1282
1282	tab\there	ok	1283
1283	new\nline and back\\slash	happy	1284
1284	cr\rff\fbs\bvt\v	sad	1285
1285	héllo 日本 1285	ok	1286
1286		happy	1287
1287	\\N literally	sad	1288
1288	\N	ok	1289
1289	tab\there	happy	1290
1290	new\nline and back\\slash	sad	1291
1291	cr\rff\fbs\bvt\v	ok	1292
1292	héllo 日本 1292	happy	1293
1293		sad	1294
1294	\\N literally	ok	1295
1295	\N	happy	1296
1296	tab\there	sad	1297
1297	new\nline and back\\slash	ok	1298
1298	cr\rff\fbs\bvt\v	happy	1299
1299	héllo 日本 1299	sad	1300
1300		ok	1301
1301	\\N literally	happy	1302
1302	\N	sad	1303
1303	tab\there	ok	1304
1304	new\nline and back\\slash	happy	1305
1305	cr\rff\fbs\bvt\v	sad	1306
1306	héllo 日本 1306	ok	1307
1307		happy	1308
1308	\\N literally	sad	1309
1309	\N	ok	1310
1310	tab\there	happy	1311
1311	new\nline and back\\slash	sad	1312
1312	cr\rff\fbs\bvt\v	ok	1313
1313	héllo 日本 1313	happy	1314
1314		sad	1315
1315	\\N literally	ok	1316
1316	\N	happy	1317
1317	tab\there	sad	1318
1318	new\nline and back\\slash	ok	1319
1319	cr\rff\fbs\bvt\v	happy	1320
1320	héllo 日本 1320	sad	1321
1321		ok	1322
1322	\\N literally	happy	1323
1323	\N	sad	1324
1324	tab\there	ok	1325
1325	new\nline and back\\slash	happy	1326
1326	cr\rff\fbs\bvt\v	sad	1327
1327	héllo 日本 1327	ok	1328
1328		happy	1329
1329	\\N literally	sad	1330
1330	\N	ok	1331
1331	tab\there	happy	1332
1332	new\nline and back\\slash	sad	1333
1333	cr\rff\fbs\bvt\v	ok	1334
1334	héllo 日本 1334	happy	1335
1335		sad	1336
1336	\\N literally	ok	1337
1337	\N	happy	1338
1338	tab\there	sad	1339
1339	new\nline and back\\slash	ok	1340
1340	cr\rff\fbs\bvt\v	happy	1341
1341	héllo 日本 1341	sad	1342
1342		ok	1343
1343	\\N literally	happy	1344
1344	\N	sad	1345
1345	tab\there	ok	1346
1346	new\nline and back\\slash	happy	1347
1347	cr\rff\fbs\bvt\v	sad	1348
1348	héllo 日本 1348	ok	1349
1349		happy	1350
1350	\\N literally	sad	1351
1351	\N	ok	1352
1352	tab\there	happy	1353
1353	new\nline and back\\slash	sad	1354
1354	cr\rff\fbs\bvt\v	ok	1355
1355	héllo 日本 1355	happy	1356
1356		sad	1357
1357	\\N literally	ok	1358
1358	\N	happy	1359
1359	tab\there	sad	1360
1360	new\nline and back\\slash	ok	1361
1361	cr\rff\fbs\bvt\v	happy	1362
1362	héllo 日本 1362	sad	1363
1363		ok	1364
1364	\\N literally	happy	1365
1365	\N	sad	1366
1366	tab\there	ok	1367
1367	new\nline and back\\slash	happy	1368
1368	cr\rff\fbs\bvt\v	sad	1369
1369	héllo 日本 1369	ok	1370
1370		happy	1371
1371	\\N literally	sad	1372
1372	\N	ok	1373
1373	tab\there	happy	1374
1374	new\nline and back\\slash	sad	1375
1375	cr\rff\fbs\bvt\v	ok	1376
1376	héllo 日本 1376	happy	1377
1377		sad	1378
1378	\\N literally	ok	1379
1379	\N	happy	1380
1380	tab\there	sad	1381
1381	new\nline and back\\slash	ok	1382
1382	cr\rff\fbs\bvt\v	happy	1383
1383	héllo 日本 1383	sad	1384
1384		ok	1385
1385	\\N literally	happy	1386
1386	\N	sad	1387
1387	tab\there	ok	1388
1388	new\nline and back\\slash	happy	1389
1389	cr\rff\fbs\bvt\v	sad	1390
1390	héllo 日本 1390	ok	1391
1391		happy	1392
1392	\\N literally	sad	1393
1393	\N	ok	1394
1394	tab\there	happy	1395
1395	new\nline and back\\slash	sad	1396
1396	cr\rff\fbs\bvt\v	ok	1397
1397	héllo 日本 1397	happy	1398
1398		sad	1399
1399	\\N literally	ok	1400
1400	\N	happy	1401
1401	tab\there	sad	1402
1402	new\nline and back\\slash	ok	1403
1403	cr\rff\fbs\bvt\v	happy	1404
1404	héllo 日本 1404	sad	1405
1405		ok	1406
1406	\\N literally	happy	1407
1407	\N	sad	1408
1408	tab\there	ok	1409
1409	new\nline and back\\slash	happy	1410
1410	cr\rff\fbs\bvt\v	sad	1411
1411	héllo 日本 1411	ok	1412
1412		happy	1413
1413	\\N literally	sad	1414
1414	\N	ok	1415
1415	tab\there	happy	1416
1416	new\nline and back\\slash	sad	1417
1417	cr\rff\fbs\bvt\v	ok	1418
1418	héllo 日本 1418	happy	1419
1419		sad	1420
1420	\\N literally	ok	1421
1421	\N	happy	1422
1422	tab\there	sad	1423
1423	new\nline and back\\slash	ok	1424
1424	cr\rff\fbs\bvt\v	happy	1425
1425	héllo 日本 1425	sad	1426
1426		ok	1427
1427	\\N literally	happy	1428
1428	\N	sad	1429
1429	tab\there	ok	1430
1430	new\nline and back\\slash	happy	1431
1431	cr\rff\fbs\bvt\v	sad	1432
1432	héllo 日本 1432	ok	1433
1433		happy	1434
1434	\\N literally	sad	1435
1435	\N	ok	1436
1436	tab\there	happy	1437
1437	new\nline and back\\slash	sad	1438
1438	cr\rff\fbs\bvt\v	ok	1439
1439	héllo 日本 1439	happy	1440
1440		sad	1441
1441	\\N literally	ok	1442
1442	\N	happy	1443
1443	tab\there	sad	1444
1444	new\nline and back\\slash	ok	1445
1445	cr\rff\fbs\bvt\v	happy	1446
1446	héllo 日本 1446	sad	1447
1447		ok	1448
1448	\\N literally	happy	1449
1449	\N	sad	1450
1450	tab\there	ok	1451
1451	new\nline and back\\slash	happy	1452
1452	cr\rff\fbs\bvt\v	sad	1453
1453	héllo 日本 1453	ok	1454
1454		happy	1455
1455	\\N literally	sad	1456
1456	\N	ok	1457
1457	tab\there	happy	1458
1458	new\nline and back\\slash	sad	1459
1459	cr\rff\fbs\bvt\v	ok	1460
1460	héllo 日本 1460	happy	1461
1461		sad	1462
1462	\\N literally	ok	1463
1463	\N	happy	1464
1464	tab\there	sad	1465
1465	new\nline and back\\slash	ok	1466
1466	cr\rff\fbs\bvt\v	happy	1467
1467	héllo 日本 1467	sad	1468
1468		ok	1469
1469	\\N literally	happy	1470
1470	\N	sad	1471
1471	tab\there	ok	1472
1472	new\nline and back\\slash	happy	1473
1473	cr\rff\fbs\bvt\v	sad	1474
1474	héllo 日本 1474	ok	1475
1475		happy	1476
1476	\\N literally	sad	1477
1477	\N	ok	1478
1478	tab\there	happy	1479
1479	new\nline and back\\slash	sad	1480
1480	cr\rff\fbs\bvt\v	ok	1481
1481	héllo 日本 1481	happy	1482
1482		sad	1483
1483	\\N literally	ok	1484
1484	\N	happy	1485
1485	tab\there	sad	1486
1486	new\nline and back\\slash	ok	1487
1487	cr\rff\fbs\bvt\v	happy	1488
1488	héllo 日本 1488	sad	1489
1489		ok	1490
1490	\\N literally	happy	1491
1491	\N	sad	1492
1492	tab\there	ok	1493
1493	new\nline and back\\slash	happy	1494
1494	cr\rff\fbs\bvt\v	sad	1495
1495	héllo 日本 1495	ok	1496
1496		happy	1497
1497	\\N literally	sad	1498
1498	\N	ok	1499
1499	tab\there	happy	1500
1500	new\nline and back\\slash	sad	1501
\.


--
-- Data for Name: scratch; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.scratch (a) FROM stdin;
1
\.


--
-- Data for Name: select; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."select" ("from", "to") FROM stdin;
1	a
2	b
3	\N
\.


--
-- Data for Name: semi;colon; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."semi;colon" (a) FROM stdin;
1
2
3
4
\.


--
-- Data for Name: x; Type: TABLE; Schema: x; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."x; Type: TABLE; Schema: x" (a) FROM stdin;
1
2
3
\.


--
-- Data for Name: 日本; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."日本" ("列") FROM stdin;
東京
大阪
\.


--
-- Data for Name: t; x; Type: TABLE DATA; Schema: we.ird; schema; Owner: postgres
--

COPY "we.ird; schema"."t; x" (a) FROM stdin;
7
\.


--
-- Name: Order Items_id_seq; Type: SEQUENCE SET; Schema: Sales; Owner: postgres
--

SELECT pg_catalog.setval('"Sales"."Order Items_id_seq"', 250, true);


--
-- Name: Seq "Q"; Type: SEQUENCE SET; Schema: Sales; Owner: postgres
--

SELECT pg_catalog.setval('"Sales"."Seq ""Q"""', 42, true);


--
-- Name: plain_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.plain_id_seq', 1500, true);


--
-- Name: Order Items Order Items_pkey; Type: CONSTRAINT; Schema: Sales; Owner: postgres
--

ALTER TABLE ONLY "Sales"."Order Items"
    ADD CONSTRAINT "Order Items_pkey" PRIMARY KEY (id);


--
-- Name: plain note_len; Type: CHECK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE public.plain
    ADD CONSTRAINT note_len CHECK ((length(note) < 100)) NOT VALID;


--
-- Name: plain plain_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plain
    ADD CONSTRAINT plain_pkey PRIMARY KEY (id);


--
-- Name: Idx "odd"; Type: INDEX; Schema: Sales; Owner: postgres
--

CREATE INDEX "Idx ""odd""" ON "Sales"."Order Items" USING btree (qty);


--
-- Name: from_qty; Type: INDEX; Schema: Sales; Owner: postgres
--

CREATE UNIQUE INDEX from_qty ON "Sales"."Order Items" USING btree ("from", qty);


--
-- Name: measurements_at; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX measurements_at ON ONLY public.measurements USING btree (at);


--
-- Name: m "2025"_at_idx; Type: INDEX; Schema: Sales; Owner: postgres
--

CREATE INDEX "m ""2025""_at_idx" ON "Sales"."m ""2025""" USING btree (at);


--
-- Name: m2024_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX m2024_at_idx ON public.m2024 USING btree (at);


--
-- Name: m "2025"_at_idx; Type: INDEX ATTACH; Schema: Sales; Owner: postgres
--

ALTER INDEX public.measurements_at ATTACH PARTITION "Sales"."m ""2025""_at_idx";


--
-- Name: m2024_at_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.measurements_at ATTACH PARTITION public.m2024_at_idx;


--
-- Name: st_order; Type: STATISTICS; Schema: public; Owner: postgres
--

CREATE STATISTICS public.st_order ON qty, plain_id FROM "Sales"."Order Items";


ALTER STATISTICS public.st_order OWNER TO postgres;

--
-- Name: dup r_dup; Type: RULE; Schema: other; Owner: postgres
--

CREATE RULE r_dup AS
    ON INSERT TO other.dup DO
 NOTIFY dup;


--
-- Name: select Trg on select; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER "Trg on select" BEFORE INSERT OR UPDATE OF "from" ON public."select" FOR EACH ROW EXECUTE FUNCTION public.trg();


--
-- Name: Order Items Order Items_plain_id_fkey; Type: FK CONSTRAINT; Schema: Sales; Owner: postgres
--

ALTER TABLE ONLY "Sales"."Order Items"
    ADD CONSTRAINT "Order Items_plain_id_fkey" FOREIGN KEY (plain_id) REFERENCES public.plain(id);


--
-- Name: plain p 1; Type: POLICY; Schema: public; Owner: postgres
--

CREATE POLICY "p 1" ON public.plain USING (true);


--
-- Name: plain; Type: ROW SECURITY; Schema: public; Owner: postgres
--

ALTER TABLE public.plain ENABLE ROW LEVEL SECURITY;

--
-- Name: pub; Type: PUBLICATION; Schema: -; Owner: postgres
--

CREATE PUBLICATION pub WITH (publish = 'insert, update, delete, truncate');


ALTER PUBLICATION pub OWNER TO postgres;

--
-- Name: pub plain; Type: PUBLICATION TABLE; Schema: public; Owner: postgres
--

ALTER PUBLICATION pub ADD TABLE ONLY public.plain;


--
-- Name: SCHEMA "Sales"; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA "Sales" TO reader;


--
-- Name: COLUMN "Order Items"."from"; Type: ACL; Schema: Sales; Owner: postgres
--

GRANT SELECT("from") ON TABLE "Sales"."Order Items" TO reader;


--
-- Name: COLUMN "Order Items".qty; Type: ACL; Schema: Sales; Owner: postgres
--

GRANT UPDATE(qty) ON TABLE "Sales"."Order Items" TO reader;


--
-- Name: TABLE plain; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.plain TO reader;


--
-- Name: mv; Type: MATERIALIZED VIEW DATA; Schema: public; Owner: postgres
--

REFRESH MATERIALIZED VIEW public.mv;


--
-- PostgreSQL database dump complete
--

\unrestrict taYaTGnt7zl5vUZKwEx7RgPsEkBeB90vmxE3wTsCqG1TuwbQdhqjxn4oHTzYdCw

