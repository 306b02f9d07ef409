--
-- Name: Order Items Order Items_pkey; Type: CONSTRAINT; Schema: Sales; Owner: postgres
--

ALTER TABLE ONLY "Sales"."Order Items"
    ADD CONSTRAINT "Order Items_pkey" PRIMARY KEY (id);


